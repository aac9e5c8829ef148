import { createHash } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importEdition } from "@/lib/editions/import-edition";
import { createMigratedDatabase, demoDir } from "@/tests/helpers/database";
import { startS3Server } from "@/tests/helpers/s3-server";
import { S3Storage } from "./s3-storage";
import { DiskStorage, StorageNotFoundError, type Storage } from "./storage";

// The two backends behave alike: the folder of one machine, and an
// S3-compatible store (a local s3rver the test starts) that every instance shares.

const backends: { name: string; open: () => Promise<{ storage: Storage; close: () => Promise<void> }> }[] = [
  { name: "DiskStorage", open: async () => ({ storage: new DiskStorage(await mkdtemp(path.join(tmpdir(), "newsroom-storage-"))), close: async () => {} }) },
  {
    name: "S3Storage (s3rver)",
    open: async () => {
      const server = await startS3Server();
      return { storage: new S3Storage(server.options), close: server.close };
    },
  },
];

for (const backend of backends) {
  describe(backend.name, () => {
    let storage: Storage;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ storage, close } = await backend.open());
    });
    afterAll(() => close());

    it("stores a file, reads it back whole and as a stream, and replaces it", async () => {
      const key = "photos/ab/abcdef.jpg";
      expect(await storage.exists(key)).toBe(false);
      await storage.put(key, Buffer.from("first version"), "image/jpeg");
      expect(await storage.exists(key)).toBe(true);
      expect((await storage.get(key)).toString()).toBe("first version");
      expect(await text(await storage.stream(key))).toBe("first version");
      await storage.put(key, Buffer.from("second"), "image/jpeg");
      expect((await storage.get(key)).toString()).toBe("second");
    });

    it("keeps binary files byte for byte (a 3 MB page image)", async () => {
      const data = Buffer.alloc(3 * 1024 * 1024);
      for (let index = 0; index < data.length; index += 1) data[index] = (index * 7919) % 251;
      await storage.put("pages/00/image.png", data, "image/png");
      expect((await storage.get("pages/00/image.png")).equals(data)).toBe(true);
    });

    it("says a missing file is missing (StorageNotFoundError), and deleting one is no error", async () => {
      await expect(storage.get("photos/00/missing.jpg")).rejects.toBeInstanceOf(StorageNotFoundError);
      await expect(storage.stream("photos/00/missing.jpg")).rejects.toBeInstanceOf(StorageNotFoundError);
      await storage.put("photos/00/gone.jpg", Buffer.from("x"), "image/jpeg");
      await storage.delete("photos/00/gone.jpg");
      await storage.delete("photos/00/gone.jpg");
      expect(await storage.exists("photos/00/gone.jpg")).toBe(false);
    });

    it("refuses keys that could leave its folder or bucket prefix", async () => {
      for (const key of ["../etc/passwd", "/abs", "photos//x", "photos/../../x", ""]) {
        await expect(storage.put(key, Buffer.from("x"), "text/plain"), key).rejects.toThrow(/Invalid storage key/);
      }
    });
  });
}

describe("a whole edition in the shared S3 store", () => {
  it("imports the demo edition into the bucket: every original and derivative is there, byte for byte", async () => {
    const server = await startS3Server();
    try {
      const { db } = await createMigratedDatabase();
      await db.publication.create({ data: { slug: "jmrb", name: "江门日报", isDefault: true } });
      const storage = new S3Storage(server.options);
      await importEdition({ db, storage, folder: path.join(demoDir, "editions", "2023-03-13") });
      const assets = await db.asset.findMany({ include: { derivatives: true } });
      expect(assets.map((asset) => asset.kind).sort()).toEqual(expect.arrayContaining(["PAGE_IMAGE", "PAGE_PDF", "PHOTO"]));
      for (const asset of assets) {
        const data = await storage.get(asset.storageKey);
        expect(createHash("sha256").update(data).digest("hex"), asset.storageKey).toBe(asset.sha256);
        for (const derivative of asset.derivatives) expect(await storage.exists(derivative.storageKey), derivative.storageKey).toBe(true);
      }
    } finally {
      await server.close();
    }
  });
});
