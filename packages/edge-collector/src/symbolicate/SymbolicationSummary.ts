/** Why frames of an event stayed as sent (or lack context), one note per reason and file. */
export type SymbolicationReason =
  | 'no_source_map'
  | 'no_matching_debug_id'
  | 'unreadable_source_map'
  | 'no_mapping'
  | 'missing_source_content';

export interface SymbolicationNote {
  reason: SymbolicationReason;
  /** The minified file's URL as the frame has it. */
  url: string;
  debugId?: string;
  release?: string;
  detail?: string;
  /** How many frames this note is about. */
  frames: number;
}

/**
 * `event.symbolication`, stored with the event and shown by the event API: whether every
 * minified frame was mapped, and why not where not. Absent when the event had no frame to map.
 */
export interface SymbolicationSummary {
  symbolicated: boolean;
  frames: number;
  symbolicatedFrames: number;
  notes: SymbolicationNote[];
}
