import { env, type Env } from "@/lib/config/env";
import { S3Storage } from "./s3-storage";
import { DiskStorage, defaultStorageDir, type Storage } from "./storage";

let storage: Storage | undefined;

/** The configured storage backend of this process: the S3 bucket when S3_BUCKET is set, else the folder. */
export function getStorage(): Storage {
  storage ??= storageFor(env());
  return storage;
}

/** The storage a configuration names: its S3 bucket, else STORAGE_DIR, else `folder` (default .data/storage). */
export function storageFor(config: Env, folder?: string): Storage {
  if (!config.S3_BUCKET) return new DiskStorage(defaultStorageDir(config.STORAGE_DIR ?? folder));
  return new S3Storage({
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    endpoint: config.S3_ENDPOINT,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    // A server of one's own wants the bucket in the path; AWS itself takes virtual hosts.
    forcePathStyle: config.S3_FORCE_PATH_STYLE ?? Boolean(config.S3_ENDPOINT),
  });
}
