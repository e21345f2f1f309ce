/**
 * Real disks that fail, for the fault tests: a small tmpfs that fills up (ENOSPC → SQLITE_FULL)
 * and a small ext4 image on a loop device that the kernel turns read-only on demand (ext4's
 * `trigger_fs_error` with `errors=remount-ro`, as a failing disk would). Both need root and
 * `mount`; `.ci/run` runs as root. `diskFaultsAvailable()` tells whether this machine allows
 * them, so the tests say plainly when they cannot run here instead of passing vacuously.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { stdio: ["ignore", "pipe", "pipe"] }).toString();
}

let available: boolean | undefined;

/** Root, tmpfs mounts, loop devices and ext4's error trigger all work here. */
export function diskFaultsAvailable(): boolean {
  if (available !== undefined) return available;
  available = false;
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), "elan-disk-probe-"));
  try {
    run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]);
    run("umount", [probe]);
    run("losetup", ["-f"]);
    available = existsSync("/sys/fs/ext4") && existsSync("/usr/sbin/mkfs.ext4");
  } catch {
    available = false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
  return available;
}

export interface SmallDisk {
  dir: string;
  /** Writes a file that takes every free byte (the disk is then full). */
  fill(): void;
  /** Frees what `fill` took. */
  unfill(): void;
  /** The kernel turns the filesystem read-only, as after a disk error (ext4 only). */
  breakToReadOnly(): void;
  /** Unmounts and mounts again read-write (after `repair` for an ext4 image). */
  remount(): void;
  dispose(): void;
}

const FILLER = "filler.bin";

function fillDir(dir: string): void {
  const chunk = Buffer.alloc(64 * 1024, 1);
  const file = join(dir, FILLER);
  try {
    writeFileSync(file, "");
    for (;;) writeFileSync(file, chunk, { flag: "a" });
  } catch {
    // ENOSPC: full, which is the point. Smaller writes take the last blocks.
    try {
      for (;;) writeFileSync(file, Buffer.alloc(512, 1), { flag: "a" });
    } catch {
      // Now nothing fits.
    }
  }
}

/** A tmpfs of `sizeKb`; the data folder lives in its `data/` subfolder. */
export function tmpfsDisk(sizeKb: number): SmallDisk {
  const mountPoint = mkdtempSync(join(tmpdir(), "elan-tmpfs-"));
  run("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k`, "tmpfs", mountPoint]);
  const dir = join(mountPoint, "data");
  mkdirSync(dir);
  return {
    dir,
    fill: () => fillDir(mountPoint),
    unfill: () => rmSync(join(mountPoint, FILLER), { force: true }),
    breakToReadOnly: () => {
      throw new Error("tmpfs cannot be broken to read-only; use ext4Disk");
    },
    remount: () => undefined,
    dispose: () => {
      try {
        run("umount", ["-l", mountPoint]);
      } finally {
        rmSync(mountPoint, { recursive: true, force: true });
      }
    },
  };
}

/** An ext4 image of `sizeMb` on a loop device, mounted with `errors=remount-ro`. */
export function ext4Disk(sizeMb: number): SmallDisk {
  const root = mkdtempSync(join(tmpdir(), "elan-ext4-"));
  const image = join(root, "disk.img");
  const mountPoint = join(root, "mnt");
  mkdirSync(mountPoint);
  run("truncate", ["-s", `${sizeMb}M`, image]);
  run("mkfs.ext4", ["-q", image]);
  const loop = run("losetup", ["-f", "--show", image]).trim();
  const mount = () => run("mount", ["-o", "errors=remount-ro", loop, mountPoint]);
  mount();
  const dir = join(mountPoint, "data");
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    fill: () => fillDir(mountPoint),
    unfill: () => rmSync(join(mountPoint, FILLER), { force: true }),
    breakToReadOnly: () => {
      writeFileSync(`/sys/fs/ext4/${basename(loop)}/trigger_fs_error`, "1");
    },
    remount: () => {
      run("umount", [mountPoint]);
      // The error left the filesystem marked as needing a check before it mounts again.
      try {
        run("e2fsck", ["-fy", loop]);
      } catch {
        // e2fsck exits non-zero when it repaired something: that is expected here.
      }
      mount();
    },
    dispose: () => {
      try {
        run("umount", ["-l", mountPoint]);
      } catch {
        // Already unmounted.
      }
      try {
        run("losetup", ["-d", loop]);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
