# Which files under assets/ are data to embed (shared by the configure step and the generator).
set(DOORSTEP_ASSET_GLOBS
  "*.json" "*.txt" "*.md" "*.html" "*.htm" "*.csv" "*.tmpl" "*.css")
