/** The home forms: what the address bar pre-fills, and whether a join form may be sent. */
import { checkName, isJoinCode, normalizeJoinCode } from "../../../shared/protocol/codes";
import type { MessageKey } from "../i18n/index";

export interface StartParams {
  code: string | null;
  facilitatorToken: string | null;
  projector: boolean;
  /** `/?workshops`: open on "Mes ateliers". */
  workshops: boolean;
}

/**
 * `/?code=XXXXXX` is what the QR code encodes. The private facilitator link carries its token
 * in the fragment (`#facilitator=…`), which browsers never send to a server nor in a Referer;
 * links handed out before used the query (`&facilitator=…`) and still work.
 */
export function readStartParams(search: string, hash = ""): StartParams {
  const params = new URLSearchParams(search);
  const fragment = new URLSearchParams(hash.replace(/^#/, ""));
  const raw = params.get("code");
  const code = raw ? normalizeJoinCode(raw) : null;
  return {
    code: code && isJoinCode(code) ? code : code ? code.slice(0, 12) : null,
    facilitatorToken: fragment.get("facilitator") ?? params.get("facilitator"),
    projector: params.get("view") === "projector",
    workshops: params.has("workshops"),
  };
}

export type JoinCheck =
  | { ok: true; code: string; name: string }
  | { ok: false; field: "code" | "name"; message: MessageKey };

export function checkJoinForm(codeInput: string, nameInput: string): JoinCheck {
  const code = normalizeJoinCode(codeInput);
  if (!isJoinCode(code)) return { ok: false, field: "code", message: "home.join.badCode" };
  const name = checkName(nameInput);
  if (!name.ok) return { ok: false, field: "name", message: `home.name.${name.reason}` };
  return { ok: true, code, name: name.name };
}
