// Placeholder photos for the demo dataset (demo.h): simple drawn pictures of
// what an officer photographs at a hazard visit (a wall with mould, a wet
// window, a ceiling leak round a light fitting, a scorched socket, a leaking
// boiler), each with a "SAMPLE PHOTO" banner drawn into the pixels so a copy
// can never pass for real evidence. PNG files (png_writer.h) with a ~240 px
// thumbnail; the same scene and seed always give the same bytes.
#pragma once
#include "core/demo/png_writer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace doorstep {

enum class PhotoScene { MouldWall, WetWindow, CeilingLeak, ScorchedSocket, LeakingBoiler };

inline constexpr int kDemoPhotoWidth = 640, kDemoPhotoHeight = 480;
inline constexpr int kDemoThumbWidth = 240, kDemoThumbHeight = 180;

// The scenes that show a hazard of this type (Settings::hazard_types id):
// damp and mould -> mould wall, wet window; emergency -> ceiling leak, scorched
// socket, leaking boiler. Unknown types get the mould wall.
std::vector<PhotoScene> scenes_for_hazard_type(const std::string& type_id);

// What the picture shows, as a hazard record would put it: where in the home,
// what was seen, the file name and the caption on the record.
struct SceneWords {
    const char* location;
    const char* observed;
    const char* filename;  // "sample-mould-wall.png"
    const char* caption;
};
const SceneWords& scene_words(PhotoScene scene);

// The picture at any size: the scene is laid out in proportions from the seed
// (patch positions, wall colour, ...) and drawn at width x height, banner included.
RgbImage draw_scene(PhotoScene scene, uint64_t seed, int width, int height);

struct DemoPhoto {
    std::string png;        // kDemoPhotoWidth x kDemoPhotoHeight
    std::string thumbnail;  // kDemoThumbWidth x kDemoThumbHeight
};
DemoPhoto make_demo_photo(PhotoScene scene, uint64_t seed);

}  // namespace doorstep
