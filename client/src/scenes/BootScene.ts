/**
 * Loads the few committed assets (lever icons), then tells the app, which shows a screen once
 * its resume (started by main.ts, in parallel) has settled too.
 */
import Phaser from "phaser";
import { APP_REGISTRY_KEY, type App } from "../app/app";
import { SCENES, iconKey } from "../constants";
import { BUCKET_IDS } from "../../../shared/model/levers";

const ICON_URLS = import.meta.glob<string>("../assets/icons/*.svg", {
  eager: true,
  query: "?url",
  import: "default",
});

export class BootScene extends Phaser.Scene {
  constructor() {
    super({ key: SCENES.boot });
  }

  preload(): void {
    for (const id of BUCKET_IDS) {
      const url = ICON_URLS[`../assets/icons/${id}.svg`];
      if (url) this.load.svg(iconKey(id), url, { width: 96, height: 96 });
    }
  }

  create(): void {
    const app = this.registry.get(APP_REGISTRY_KEY) as App;
    app.booted();
  }
}
