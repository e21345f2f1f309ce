/**
 * The Phaser the board needs, built from Phaser's own sources: the core (scenes, cameras, input,
 * loader, tweens, text, graphics, images, both renderers) plus the containers, zones, rectangles
 * and curves the screens draw with. No physics, tilemaps, particles, sound manager (the room's
 * cues are our own Web Audio) or other game objects: the published builds carry all of them.
 * vite.config.ts points `phaser` here and settles Phaser's build-time feature flags.
 */
/* eslint-disable */
const Phaser = require("../../node_modules/phaser/src/phaser-core.js");

Phaser.GameObjects.Container = require("../../node_modules/phaser/src/gameobjects/container/Container.js");
Phaser.GameObjects.Zone = require("../../node_modules/phaser/src/gameobjects/zone/Zone.js");
Phaser.GameObjects.Rectangle = require("../../node_modules/phaser/src/gameobjects/shape/rectangle/Rectangle.js");
Phaser.Curves = require("../../node_modules/phaser/src/curves/index.js");
// Factories register themselves (`scene.add.container`, `.zone`, `.rectangle`) when loaded.
require("../../node_modules/phaser/src/gameobjects/container/ContainerFactory.js");
require("../../node_modules/phaser/src/gameobjects/container/ContainerCreator.js");
require("../../node_modules/phaser/src/gameobjects/zone/ZoneFactory.js");
require("../../node_modules/phaser/src/gameobjects/zone/ZoneCreator.js");
require("../../node_modules/phaser/src/gameobjects/shape/rectangle/RectangleFactory.js");
// The lever icons are SVG files (`this.load.svg`).
require("../../node_modules/phaser/src/loader/filetypes/SVGFile.js");

module.exports = Phaser;
