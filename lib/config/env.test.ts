import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("parseEnv", () => {
  it("fills defaults for an empty environment", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.SEED_DEMO).toBe(true);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("treats empty variables as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).PORT).toBe(3000);
  });

  it("names every bad variable and what is wrong with it", () => {
    const error = (() => {
      try {
        parseEnv({ PORT: "eighty", DATABASE_URL: "mysql://x", ADMIN_PASSWORD: "short" });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain("PORT");
    expect(message).toContain("DATABASE_URL: must be a postgresql:// connection string");
    expect(message).toContain("ADMIN_PASSWORD");
  });

  it("takes an S3-compatible store as a bucket, an endpoint and a key pair, and refuses half of one", () => {
    expect(parseEnv({ S3_BUCKET: "epaper", S3_ENDPOINT: "http://minio:9000", S3_ACCESS_KEY_ID: "id", S3_SECRET_ACCESS_KEY: "secret" })).toMatchObject({
      S3_BUCKET: "epaper",
      S3_ENDPOINT: "http://minio:9000",
      S3_REGION: "us-east-1",
    });
    expect(() => parseEnv({ S3_ENDPOINT: "http://minio:9000" })).toThrow(/S3_BUCKET: must be set when S3_ENDPOINT or S3 keys are/);
    expect(() => parseEnv({ S3_BUCKET: "epaper", S3_ACCESS_KEY_ID: "id" })).toThrow(/S3_SECRET_ACCESS_KEY: must be set together with the other S3 key/);
    expect(() => parseEnv({ S3_BUCKET: "epaper", S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT/);
  });
});
