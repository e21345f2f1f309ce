/** The public surface of the simulation, for client/, server/ and the tests. */
export * from "./model/levers";
export * from "./model/events";
export * from "./model/types";
export { BASE_CAUSES, CAUSE_IDS } from "./model/causes";
export * from "./model/validate";
export * from "./model/game";
export * from "./model/params";
export * from "./model/rng";
export { resolveQuarter, applyPressure, pickStocks } from "./model/dynamics";
export { topReasons, gaugeReasons } from "./model/explainBuilder";
export {
  coefficientOfVariation,
  percentileSorted,
  h,
  mean,
  median,
  standardDeviation,
  sampleStandardDeviation,
} from "./model/math";
export * from "./model/gauges";
export * from "./model/situation";
export * from "./model/room";
export * from "./model/score";
export * from "./model/canonical";
export * from "./scenarios/index";
export { parseScenario, scenarioSchema } from "./scenarios/schema";
export * from "./bots/strategies";
export * from "./bots/play";
export { distribute } from "./bots/distribute";
export * from "./analysis/simulateRoom";
export * from "./analysis/simulateTeam";
export * from "./analysis/luckBand";
export * from "./analysis/replay";
export * from "./analysis/attribution";
export * from "./protocol/codes";
export * from "./protocol/constants";
export * from "./protocol/errors";
export * from "./protocol/messages";
export * from "./protocol/options";
export * from "./protocol/screens";
export * from "./protocol/serverMessages";
export * from "./protocol/view";
export * from "./protocol/wireCodes";
