/**
 * Facilitator downloads (exports): the file keeps the name the server gives it, and a refusal
 * reads like any other error. The fetch itself sends the token in a header (browser test).
 */
import { describe, expect, it } from "vitest";
import { downloadError, fileNameFrom } from "../../client/src/viewmodels/download";
import { errorKey } from "../../client/src/viewmodels/errors";

describe("fileNameFrom", () => {
  it("keeps the server's file name", () => {
    expect(fileNameFrom('attachment; filename="elan-ABC234.csv"', "x.csv")).toBe("elan-ABC234.csv");
    expect(fileNameFrom("attachment; filename=elan-ABC234.json", "x")).toBe("elan-ABC234.json");
    expect(fileNameFrom("attachment; filename*=UTF-8''%C3%A9lan%20A.csv", "x")).toBe("élan A.csv");
    expect(fileNameFrom(`attachment; filename="plain.csv"; filename*=UTF-8''fancy.csv`, "x")).toBe(
      "fancy.csv",
    );
  });

  it("falls back when there is no usable name, and never keeps a path", () => {
    expect(fileNameFrom(null, "elan-ABC234.json")).toBe("elan-ABC234.json");
    expect(fileNameFrom("attachment", "fallback.csv")).toBe("fallback.csv");
    expect(fileNameFrom('attachment; filename=""', "fallback.csv")).toBe("fallback.csv");
    expect(fileNameFrom('attachment; filename="../../etc/passwd"', "f")).toBe("passwd");
    expect(fileNameFrom('attachment; filename="..\\\\x.csv"', "f")).toBe("x.csv");
    expect(fileNameFrom('attachment; filename=".hidden"', "f")).toBe("hidden");
  });
});

describe("downloadError", () => {
  it("turns the server's refusal into the usual message", () => {
    expect(errorKey(downloadError(403, { code: "join.bad_token", message: "no" }))).toBe(
      "error.join.bad_token",
    );
    expect(errorKey(downloadError(429, { code: "rate.limited", message: "wait" }))).toBe(
      "error.rate.limited",
    );
    expect(errorKey(downloadError(502, null))).toBe("error.generic");
  });
});
