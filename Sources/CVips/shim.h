#ifndef PARLEY_CVIPS_SHIM_H
#define PARLEY_CVIPS_SHIM_H
#include <vips/vips.h>

// libvips' operations take NULL-terminated variadic options, which Swift cannot call,
// so each operation Parley needs gets a fixed-argument wrapper here.

// VIPS_INIT is a macro; called once when the app is built.
static inline int parley_vips_init(void) {
    return VIPS_INIT("parley");
}

// Decodes every pixel of the first frame, failing on any decoder error, so a file that
// only looks like an image by its header is refused instead of stored. Images of more than
// `max_pixels` are refused (-2) before decoding: a few kilobytes of PNG can claim gigapixels.
static inline int parley_vips_verify(const char *path, long long max_pixels, int *width, int *height) {
    VipsImage *image = vips_image_new_from_file(path,
        "access", VIPS_ACCESS_SEQUENTIAL,
        "fail_on", VIPS_FAIL_ON_ERROR,
        NULL);
    if (image == NULL) return -1;
    if ((long long)vips_image_get_width(image) * vips_image_get_height(image) > max_pixels) {
        g_object_unref(image);
        return -2;
    }
    double mean = 0;
    int status = vips_avg(image, &mean, NULL);
    if (status == 0) {
        *width = vips_image_get_width(image);
        *height = vips_image_get_height(image);
    }
    g_object_unref(image);
    return status;
}

// Shrinks (or, when `square` is set, crops to the centre and scales to exactly
// width x height) and writes to `output` in the format its suffix names. "strip" drops
// EXIF, XMP, IPTC and ICC metadata, so GPS positions and camera details never leave.
static inline int parley_vips_thumbnail(const char *input, const char *output, int width, int height, int square) {
    VipsImage *thumbnail = NULL;
    int status = square
        ? vips_thumbnail(input, &thumbnail, width, "height", height,
              "crop", VIPS_INTERESTING_CENTRE, "size", VIPS_SIZE_BOTH,
              "fail_on", VIPS_FAIL_ON_ERROR, NULL)
        : vips_thumbnail(input, &thumbnail, width, "height", height,
              "size", VIPS_SIZE_DOWN, "fail_on", VIPS_FAIL_ON_ERROR, NULL);
    if (status != 0) return status;
    status = vips_image_write_to_file(thumbnail, output, "strip", TRUE, NULL);
    g_object_unref(thumbnail);
    return status;
}

// Writes a width x height colour gradient to `path` (format from its suffix). Tests use
// it to make real images without shipping binary fixtures.
static inline int parley_vips_write_gradient(const char *path, int width, int height) {
    VipsImage *xy = NULL, *rgb = NULL, *bytes = NULL;
    int status = vips_xyz(&xy, width, height, NULL);
    if (status == 0) status = vips_bandjoin_const1(xy, &rgb, 128, NULL);
    if (status == 0) status = vips_cast_uchar(rgb, &bytes, NULL);
    if (status == 0) status = vips_image_write_to_file(bytes, path, NULL);
    if (bytes) g_object_unref(bytes);
    if (rgb) g_object_unref(rgb);
    if (xy) g_object_unref(xy);
    return status;
}

// Writes width x height grey Gaussian noise to `path` (format from its suffix). Noise hardly
// compresses, so tests get a real image of about the file size they need.
static inline int parley_vips_write_noise(const char *path, int width, int height) {
    VipsImage *noise = NULL, *bytes = NULL;
    int status = vips_gaussnoise(&noise, width, height, "mean", 128.0, "sigma", 40.0, NULL);
    if (status == 0) status = vips_cast_uchar(noise, &bytes, NULL);
    if (status == 0) status = vips_image_write_to_file(bytes, path, NULL);
    if (bytes) g_object_unref(bytes);
    if (noise) g_object_unref(noise);
    return status;
}

#endif
