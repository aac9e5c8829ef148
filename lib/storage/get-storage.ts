import { env } from "@/lib/config/env";
import { DiskStorage, defaultStorageDir, type Storage } from "./storage";

let storage: Storage | undefined;

/** The configured storage backend of this process. */
export function getStorage(): Storage {
  storage ??= new DiskStorage(defaultStorageDir(env().STORAGE_DIR));
  return storage;
}
