import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { DiskStorage } from "@/lib/storage/storage";
import { createMigratedDatabase, createTestStorage } from "@/tests/helpers/database";
import { seedNewsroom, type Newsroom } from "@/tests/helpers/newsroom";
import { getPhoto } from "./get-photo";
import { listPhotos } from "./list-photos";
import { streamOf, testJpeg } from "./test-images";
import { updatePhoto } from "./update-photo";
import { uploadPhoto } from "./upload-photo";

let db: Db;
let storage: DiskStorage;
let n: Newsroom;
const ids: Record<string, string> = {};

const CHINESE_CAPTION = "3月12日，市民在江门滨江公园赏花。（图／邱昱）“春光正好”——摄于蓬江区；游客：约２０００人！";

beforeAll(async () => {
  db = (await createMigratedDatabase()).db;
  storage = await createTestStorage();
  n = await seedNewsroom(db);
  const add = async (name: string, seed: number, exif?: Record<string, Record<string, string>>) => {
    const data = await testJpeg({ seed, width: 640, height: 480, exif });
    ids[name] = (await uploadPhoto({ db, storage, actor: n.photographer, body: streamOf(data), declaredSize: data.length, originalName: `${name}.jpg` })).photoId;
  };
  await add("flowers", 1, { IFD2: { DateTimeOriginal: "2023:03:12 23:30:00" } });
  await add("bridge", 2, { IFD2: { DateTimeOriginal: "2023:03:13 08:00:00" } });
  await add("market", 3);
  await updatePhoto({ db, actor: n.photographer, photoId: ids.flowers!, changes: { caption: CHINESE_CAPTION, credit: "邱昱 摄" } });
  await updatePhoto({ db, actor: n.photographer, photoId: ids.bridge!, changes: { caption: "江门大桥夜景", credit: "Li Wei 摄", altText: "灯光下的大桥" } });
  await updatePhoto({ db, actor: n.photographer, photoId: ids.market!, changes: { caption: "早市", credit: "江宣 摄" } });
  // Uploaded long ago (the date search matches the upload day too).
  await db.photo.update({ where: { id: ids.market! }, data: { createdAt: new Date("2022-01-05T03:00:00Z") } });
});

const found = async (search: Parameters<typeof listPhotos>[0]["search"]) =>
  (await listPhotos({ db, search })).photos.map((photo) => Object.entries(ids).find(([, id]) => id === photo.id)?.[0]).sort();

describe("listPhotos", () => {
  it("lists the whole library newest first, with thumbnails from derivatives only", async () => {
    const list = await listPhotos({ db });
    expect(list.total).toBe(3);
    expect(list.photos.at(-1)!.id).toBe(ids.market);
    const first = list.photos[0]!;
    expect(first.src).toMatch(/^\/media\/photos\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp$/);
    expect(first.srcSet.split(", ")).toHaveLength(2);
    expect(first.srcSet).toMatch(/ 320w, .* 640w$/);
    expect([first.width, first.height]).toEqual([640, 480]);
  });

  it("searches captions, credits, alt text and file names, every word", async () => {
    expect(await found({ q: "滨江公园" })).toEqual(["flowers"]);
    expect(await found({ q: "邱昱" })).toEqual(["flowers"]);
    expect(await found({ q: "li wei" })).toEqual(["bridge"]);
    expect(await found({ q: "灯光" })).toEqual(["bridge"]);
    expect(await found({ q: "market" })).toEqual(["market"]);
    expect(await found({ q: "江门 夜景" })).toEqual(["bridge"]);
    expect(await found({ q: "江门 早市" })).toEqual([]);
  });

  it("searches by the day taken or uploaded, in China time", async () => {
    // 23:30 on 12 March in Jiangmen is 15:30 UTC: still the 12th.
    expect(await found({ from: "2023-03-12", to: "2023-03-12" })).toEqual(["flowers"]);
    expect(await found({ from: "2023-03-12", to: "2023-03-13" })).toEqual(["bridge", "flowers"]);
    expect(await found({ from: "2022-01-05", to: "2022-01-05" })).toEqual(["market"]);
    expect(await found({ to: "2022-12-31" })).toEqual(["market"]);
    expect(await found({ q: "江门", from: "2023-03-13", to: "2023-03-13" })).toEqual(["bridge"]);
  });

  it("pages", async () => {
    const page2 = await listPhotos({ db, search: { page: 2 }, perPage: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(page2.photos).toHaveLength(1);
  });
});

describe("Chinese text", () => {
  it("round-trips a caption with full-width punctuation unchanged", async () => {
    const photo = await getPhoto({ db, photoId: ids.flowers! });
    expect(photo.caption).toBe(CHINESE_CAPTION);
    expect(photo.credit).toBe("邱昱 摄");
    const [listed] = (await listPhotos({ db, search: { q: "（图／邱昱）" } })).photos;
    expect(listed?.caption).toBe(CHINESE_CAPTION);
  });

  it("trims only the ends of what was typed", async () => {
    await updatePhoto({ db, actor: n.photographer, photoId: ids.market!, changes: { caption: "  早市，人来人往。  ", altText: "   " } });
    const photo = await db.photo.findUniqueOrThrow({ where: { id: ids.market! } });
    expect(photo.caption).toBe("早市，人来人往。");
    expect(photo.altText).toBeNull();
  });
});
