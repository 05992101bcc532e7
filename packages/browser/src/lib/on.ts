/** `addEventListener`, shorter to repeat in a bundle counted in bytes. */
export const on = (
  target: EventTarget,
  type: string,
  listener: (event: never) => unknown,
  capture?: boolean,
) => target.addEventListener(type, listener as EventListener, capture);
