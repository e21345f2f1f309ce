/**
 * Bootstrap: the DOM chrome, the app shell, then one Phaser game whose scenes are the screens.
 * The canvas fills the window and follows its size; scenes lay themselves out for it.
 */
import Phaser from "phaser";
import "./styles/base.css";
import "./styles/home.css";
import "./styles/console.css";
import "./styles/debrief.css";
import { App, APP_REGISTRY_KEY } from "./app/app";
import { getLanguage, isLanguage, preferredLanguage, setLanguage } from "./i18n/index";
import { storage } from "./net/storage";
import { COLORS } from "./theme";
import { BootScene } from "./scenes/BootScene";
import { HomeScene } from "./scenes/HomeScene";
import { LobbyScene } from "./scenes/LobbyScene";
import { BoardScene } from "./scenes/BoardScene";
import { LAZY_SCENES } from "./scenes/lazy";
import { exposeTestHooks } from "./testHooks";
import { pickRenderer } from "./app/renderer";
import { RenderGovernor } from "./app/governor";

const saved = storage.language();
setLanguage(
  isLanguage(saved) ? saved : preferredLanguage(navigator.languages ?? [navigator.language]),
);
document.documentElement.lang = getLanguage();

const overlay = document.getElementById("ui") as HTMLElement;
const app = new App(overlay);
document.body.prepend(app.topbar.root, app.topbar.banner);
document.body.append(app.toasts.root);

const game = new Phaser.Game({
  type: pickRenderer(),
  parent: "game",
  backgroundColor: COLORS.background,
  banner: false,
  scale: { mode: Phaser.Scale.RESIZE, width: "100%", height: "100%" },
  render: { antialias: true },
  // A board changes when people act: 30 frames a second are plenty and halve the work.
  fps: { limit: 30 },
  // A participant's screens; the console, the projector and the debrief come when first shown.
  scene: [BootScene, HomeScene, LobbyScene, BoardScene],
});
game.registry.set(APP_REGISTRY_KEY, app);
app.game = game;
app.lazyScenes = LAZY_SCENES;
app.governor = new RenderGovernor(game);
exposeTestHooks(app);
// Connect (seat, console, solo game) while Phaser boots and loads the icons, not after.
void app.resume();
