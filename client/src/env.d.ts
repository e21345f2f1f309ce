/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Colyseus server URL for `npm run dev` (the built client uses its own origin). */
  readonly VITE_ELAN_SERVER?: string;
}
