# The engine and its storage layer, built the same way for native and wasm.

# doorstep_core: pure C++17 (src/core, one folder per domain) plus the embedded assets table.
doorstep_sources(DOORSTEP_CORE_SOURCES core "${DOORSTEP_ROOT}/src/core/*/*.cpp")
add_library(doorstep_core STATIC ${DOORSTEP_CORE_SOURCES} "${DOORSTEP_ASSETS_CPP}")
target_include_directories(doorstep_core PUBLIC "${DOORSTEP_ROOT}/src")
target_link_libraries(doorstep_core PUBLIC doorstep_third_party)
doorstep_warnings(doorstep_core)

# doorstep_storage: files and persistence on top of the engine (src/storage).
doorstep_sources(DOORSTEP_STORAGE_SOURCES storage "${DOORSTEP_ROOT}/src/storage/*.cpp")
add_library(doorstep_storage STATIC ${DOORSTEP_STORAGE_SOURCES})
target_link_libraries(doorstep_storage PUBLIC doorstep_core)
doorstep_warnings(doorstep_storage)
