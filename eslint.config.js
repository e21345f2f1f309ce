// Lint rules that hold the architecture in place: `shared/` stays a pure, deterministic leaf.
import tseslint from "typescript-eslint";

const nonDeterministicMath = [
  "random",
  "exp",
  "expm1",
  "log",
  "log1p",
  "log2",
  "log10",
  "pow",
  "sin",
  "cos",
  "tan",
  "asin",
  "acos",
  "atan",
  "atan2",
  "sinh",
  "cosh",
  "tanh",
  "asinh",
  "acosh",
  "atanh",
  "cbrt",
  "hypot",
  "fround",
  "sign",
].map((property) => ({
  object: "Math",
  property,
  message:
    "Not bit-identical across JS engines (MODEL.md determinism rules). Use + − × ÷ and Math.sqrt.",
}));

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "data/", "coverage/", "test/e2e/screenshots/"] },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "separate-type-imports" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      eqeqeq: ["error", "always"],
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["phaser", "phaser/*"], message: "shared/ must not depend on the renderer." },
            { group: ["@colyseus/*", "colyseus"], message: "shared/ must not depend on Colyseus." },
            {
              group: [
                "**/client/**",
                "**/server/**",
                "../client",
                "../server",
                "../../client",
                "../../server",
              ],
              message: "shared/ is a leaf: it imports nothing from client/ or server/.",
            },
            {
              group: ["node:*", "fs", "path", "os", "child_process", "http", "net", "crypto"],
              message: "shared/ has no I/O.",
            },
          ],
        },
      ],
      "no-restricted-properties": ["error", ...nonDeterministicMath],
      "no-restricted-syntax": [
        "error",
        {
          selector: "BinaryExpression[operator='**']",
          message: "Use explicit products: `**` is not bit-identical across engines.",
        },
        {
          selector: "AssignmentExpression[operator='**=']",
          message: "Use explicit products: `**` is not bit-identical across engines.",
        },
        { selector: "MemberExpression[object.name='Date']", message: "shared/ has no clock." },
        { selector: "NewExpression[callee.name='Date']", message: "shared/ has no clock." },
      ],
    },
  },
  {
    // The browser app talks to the server only through the protocol, and keeps zod (the
    // server-side validators) out of its bundle: shared/ modules are imported one by one.
    files: ["client/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/server/**", "../server", "../../server"],
              message: "client/ never imports server/.",
            },
            {
              group: [
                "**/shared/index",
                "**/shared/scenarios/index",
                "**/shared/scenarios/schema",
                "**/shared/protocol/messages",
                "**/shared/protocol/options",
                "zod",
              ],
              allowTypeImports: true,
              message:
                "These pull zod into the bundle: import the shared module you need (types are fine).",
            },
          ],
        },
      ],
    },
  },
);
