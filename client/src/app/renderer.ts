/**
 * Rendering costs: a machine without a GPU runs WebGL in software (SwiftShader, llvmpipe), several
 * times slower than Canvas 2D there, so such machines get Phaser's Canvas renderer. And a board
 * mostly waits for people: the render loop sleeps when nothing moves and wakes on input, state
 * changes and clock ticks, which keeps phones cool and projector laptops quiet.
 */
import Phaser from "phaser";

const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

export function pickRenderer(): number {
  try {
    const canvas = document.createElement("canvas");
    const gl = (canvas.getContext("webgl2") ??
      canvas.getContext("webgl")) as WebGLRenderingContext | null;
    if (!gl) return Phaser.CANVAS;
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const name = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "";
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return SOFTWARE_GL.test(name) ? Phaser.CANVAS : Phaser.WEBGL;
  } catch {
    return Phaser.CANVAS;
  }
}

export class RenderGovernor {
  private awakeUntil = 0;
  private sleeping = false;

  constructor(
    private readonly game: Phaser.Game,
    private readonly idleMs = 400,
  ) {
    const wake = () => this.wake();
    for (const type of [
      "pointerdown",
      "pointermove",
      "pointerup",
      "keydown",
      "wheel",
      "touchstart",
      "resize",
      "focus",
    ]) {
      window.addEventListener(type, wake, { passive: true, capture: true });
    }
    window.setInterval(() => this.check(), 200);
    this.wake();
  }

  /** Keeps the loop running for at least `ms` more. */
  wake(ms = this.idleMs): void {
    this.awakeUntil = Math.max(this.awakeUntil, performance.now() + ms);
    if (this.sleeping) {
      this.sleeping = false;
      this.game.loop.wake();
    }
  }

  private check(): void {
    if (!this.sleeping && performance.now() > this.awakeUntil && this.game.isRunning) {
      this.sleeping = true;
      this.game.loop.sleep();
    }
  }
}
