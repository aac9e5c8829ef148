import { mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3StorageOptions } from "@/lib/storage/s3-storage";

/**
 * A local S3-compatible server (s3rver, from npm) on a free port with one
 * empty bucket, its objects in `directory` (a new temporary folder by
 * default), for tests of the S3 storage path; `close` stops it and removes
 * its files.
 */
export async function startS3Server(bucket = "newsroom-test", folder?: string): Promise<{ options: S3StorageOptions; close: () => Promise<void> }> {
  const directory = folder ?? (await mkdtemp(path.join(tmpdir(), "newsroom-s3-")));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const address = (await server.run()) as AddressInfo;
  return {
    options: {
      bucket,
      region: "us-east-1",
      endpoint: `http://127.0.0.1:${address.port}`,
      // s3rver's fixed development credentials.
      accessKeyId: "S3RVER",
      secretAccessKey: "S3RVER",
      forcePathStyle: true,
    },
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
