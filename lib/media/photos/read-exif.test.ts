import { describe, expect, it } from "vitest";
import { readExif } from "./read-exif";
import { SMALL_HEIC, testJpeg } from "./test-images";

describe("readExif", () => {
  it("reads the time with the camera's offset when it wrote one", async () => {
    const jpeg = await testJpeg({ width: 50, height: 50, exif: { IFD2: { DateTimeOriginal: "2023:03:12 10:20:30", OffsetTimeOriginal: "+02:00" } } });
    expect((await readExif(jpeg)).takenAt?.toISOString()).toBe("2023-03-12T08:20:30.000Z");
  });

  it("names the camera without repeating the maker", async () => {
    const nikon = await testJpeg({ width: 50, height: 50, exif: { IFD0: { Make: "NIKON CORPORATION", Model: "NIKON Z 9" } } });
    const sony = await testJpeg({ width: 50, height: 50, exif: { IFD0: { Make: "SONY", Model: "ILCE-7M4" } } });
    expect((await readExif(nikon)).camera).toBe("NIKON Z 9");
    expect((await readExif(sony)).camera).toBe("SONY ILCE-7M4");
  });

  it("ignores missing, unset and unencodable values", async () => {
    const unset = await testJpeg({ width: 50, height: 50, exif: { IFD0: { Artist: "??" }, IFD2: { DateTimeOriginal: "0000:00:00 00:00:00" } } });
    expect(await readExif(unset)).toEqual({ takenAt: null, camera: null, artist: null });
    expect(await readExif(await testJpeg({ width: 50, height: 50 }))).toEqual({ takenAt: null, camera: null, artist: null });
    expect(await readExif(SMALL_HEIC)).toEqual({ takenAt: null, camera: null, artist: null });
    expect(await readExif(Buffer.from("not an image"))).toEqual({ takenAt: null, camera: null, artist: null });
  });
});
