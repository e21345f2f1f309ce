/** The join QR code, drawn into a canvas (no HTML strings), dark on light for any phone camera. */
import QRCode from "qrcode";

export function qrCanvas(url: string, size: number, onReady?: () => void): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  // What the code says, readable without decoding the image (tests, and anyone inspecting it).
  canvas.dataset.text = url;
  QRCode.toCanvas(canvas, url, {
    width: size,
    margin: 1,
    errorCorrectionLevel: "M",
    color: { dark: "#0e1a2bff", light: "#ffffffff" },
  }).then(
    () => onReady?.(),
    () => {
      // A URL always fits a QR code; if drawing fails the code is still shown in text.
    },
  );
  return canvas;
}
