/**
 * Rendering costs: a machine without a GPU runs WebGL in software (SwiftShader, llvmpipe), several
 * times slower than Canvas 2D there, so such machines get Phaser's Canvas renderer. (The loop
 * sleeping when idle is governor.ts.)
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
