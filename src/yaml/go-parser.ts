// go-yaml v2's parser (parserc.go) over the ported scanner, driven the way
// go-yaml's decoder (decode.go's parser) drives it for Unmarshal: events of
// the first document only, composed into nodes, anchors registered as their
// node starts, an alias to an unknown anchor refused at once. Errors carry
// go-yaml's exact text and line ("yaml: line 3: did not find expected key");
// decode.ts turns the nodes into Go values.
import { GoYAMLSyntaxError, type Mark, Scanner, STYLE, T, type Token } from "./go-scanner.ts";

const E = {
  STREAM_START: 1,
  STREAM_END: 2,
  DOCUMENT_START: 3,
  DOCUMENT_END: 4,
  ALIAS: 5,
  SCALAR: 6,
  SEQUENCE_START: 7,
  SEQUENCE_END: 8,
  MAPPING_START: 9,
  MAPPING_END: 10,
} as const;

const S = {
  STREAM_START: 0,
  IMPLICIT_DOCUMENT_START: 1,
  DOCUMENT_START: 2,
  DOCUMENT_CONTENT: 3,
  DOCUMENT_END: 4,
  BLOCK_NODE: 5,
  BLOCK_NODE_OR_INDENTLESS_SEQUENCE: 6,
  FLOW_NODE: 7,
  BLOCK_SEQUENCE_FIRST_ENTRY: 8,
  BLOCK_SEQUENCE_ENTRY: 9,
  INDENTLESS_SEQUENCE_ENTRY: 10,
  BLOCK_MAPPING_FIRST_KEY: 11,
  BLOCK_MAPPING_KEY: 12,
  BLOCK_MAPPING_VALUE: 13,
  FLOW_SEQUENCE_FIRST_ENTRY: 14,
  FLOW_SEQUENCE_ENTRY: 15,
  FLOW_SEQUENCE_ENTRY_MAPPING_KEY: 16,
  FLOW_SEQUENCE_ENTRY_MAPPING_VALUE: 17,
  FLOW_SEQUENCE_ENTRY_MAPPING_END: 18,
  FLOW_MAPPING_FIRST_KEY: 19,
  FLOW_MAPPING_KEY: 20,
  FLOW_MAPPING_VALUE: 21,
  FLOW_MAPPING_EMPTY_VALUE: 22,
  END: 23,
} as const;

interface Event {
  type: number;
  /** Anchor of a node, or the name an alias refers to. */
  anchor?: string;
  tag?: string;
  /** Scalars: the value and the token's style (empty scalars are plain ""). */
  value?: string;
  style?: number;
}

/** A node of the first document, as go-yaml's decoder builds it (decode.go's node). */
export type GoNode =
  | { kind: "scalar"; value: string; tag: string; implicit: boolean; style: number }
  | { kind: "seq"; items: GoNode[]; tag: string }
  | { kind: "map"; items: GoNode[]; tag: string }
  | { kind: "alias"; name: string; target: GoNode };

const EMPTY: Event = { type: E.SCALAR, value: "", style: STYLE.PLAIN, tag: "" };

/** go-yaml's failf: an error without a line. */
class DecodeFailure extends Error {}

class Parser {
  private readonly s: Scanner;
  private state: number = S.STREAM_START;
  private readonly states: number[] = [];
  private readonly marks: Mark[] = [];
  private tagDirectives: { handle: string; prefix: string }[] = [];

  constructor(text: string) {
    this.s = new Scanner(text);
  }

  private fail(problem: string, problemMark: Mark, contextMark?: Mark): never {
    throw new GoYAMLSyntaxError("parser", problem, problemMark, contextMark);
  }

  private pop(): number {
    return this.states.pop()!;
  }

  /** yaml_parser_parse: the next event (undefined once the stream has ended). */
  parse(): Event | undefined {
    if (this.s.streamEndProduced || this.state === S.END) return undefined;
    switch (this.state) {
      case S.STREAM_START:
        return this.streamStart();
      case S.IMPLICIT_DOCUMENT_START:
        return this.documentStart(true);
      case S.DOCUMENT_START:
        return this.documentStart(false);
      case S.DOCUMENT_CONTENT:
        return this.documentContent();
      case S.DOCUMENT_END:
        return this.documentEnd();
      case S.BLOCK_NODE:
        return this.node(true, false);
      case S.BLOCK_NODE_OR_INDENTLESS_SEQUENCE:
        return this.node(true, true);
      case S.FLOW_NODE:
        return this.node(false, false);
      case S.BLOCK_SEQUENCE_FIRST_ENTRY:
        return this.blockSequenceEntry(true);
      case S.BLOCK_SEQUENCE_ENTRY:
        return this.blockSequenceEntry(false);
      case S.INDENTLESS_SEQUENCE_ENTRY:
        return this.indentlessSequenceEntry();
      case S.BLOCK_MAPPING_FIRST_KEY:
        return this.blockMappingKey(true);
      case S.BLOCK_MAPPING_KEY:
        return this.blockMappingKey(false);
      case S.BLOCK_MAPPING_VALUE:
        return this.blockMappingValue();
      case S.FLOW_SEQUENCE_FIRST_ENTRY:
        return this.flowSequenceEntry(true);
      case S.FLOW_SEQUENCE_ENTRY:
        return this.flowSequenceEntry(false);
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_KEY:
        return this.flowSequenceEntryMappingKey();
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE:
        return this.flowSequenceEntryMappingValue();
      case S.FLOW_SEQUENCE_ENTRY_MAPPING_END:
        this.s.peek();
        this.state = S.FLOW_SEQUENCE_ENTRY;
        return { type: E.MAPPING_END };
      case S.FLOW_MAPPING_FIRST_KEY:
        return this.flowMappingKey(true);
      case S.FLOW_MAPPING_KEY:
        return this.flowMappingKey(false);
      case S.FLOW_MAPPING_VALUE:
        return this.flowMappingValue(false);
      case S.FLOW_MAPPING_EMPTY_VALUE:
        return this.flowMappingValue(true);
    }
    throw new Error("invalid parser state");
  }

  private streamStart(): Event {
    const t = this.s.peek();
    if (t.type !== T.STREAM_START) this.fail("did not find expected <stream-start>", t.start);
    this.state = S.IMPLICIT_DOCUMENT_START;
    this.s.next();
    return { type: E.STREAM_START };
  }

  private documentStart(implicit: boolean): Event {
    let t = this.s.peek();
    if (!implicit) {
      while (t.type === T.DOCUMENT_END) {
        this.s.next();
        t = this.s.peek();
      }
    }
    if (
      implicit &&
      t.type !== T.VERSION_DIRECTIVE &&
      t.type !== T.TAG_DIRECTIVE &&
      t.type !== T.DOCUMENT_START &&
      t.type !== T.STREAM_END
    ) {
      this.processDirectives();
      this.states.push(S.DOCUMENT_END);
      this.state = S.BLOCK_NODE;
      return { type: E.DOCUMENT_START };
    }
    if (t.type !== T.STREAM_END) {
      this.processDirectives();
      t = this.s.peek();
      if (t.type !== T.DOCUMENT_START) this.fail("did not find expected <document start>", t.start);
      this.states.push(S.DOCUMENT_END);
      this.state = S.DOCUMENT_CONTENT;
      this.s.next();
      return { type: E.DOCUMENT_START };
    }
    this.state = S.END;
    this.s.next();
    return { type: E.STREAM_END };
  }

  private documentContent(): Event {
    const t = this.s.peek();
    if (
      t.type === T.VERSION_DIRECTIVE ||
      t.type === T.TAG_DIRECTIVE ||
      t.type === T.DOCUMENT_START ||
      t.type === T.DOCUMENT_END ||
      t.type === T.STREAM_END
    ) {
      this.state = this.pop();
      return EMPTY;
    }
    return this.node(true, false);
  }

  private documentEnd(): Event {
    const t = this.s.peek();
    if (t.type === T.DOCUMENT_END) this.s.next();
    this.tagDirectives = [];
    this.state = S.DOCUMENT_START;
    return { type: E.DOCUMENT_END };
  }

  private node(block: boolean, indentlessSequence: boolean): Event {
    let t = this.s.peek();
    if (t.type === T.ALIAS) {
      this.state = this.pop();
      this.s.next();
      return { type: E.ALIAS, anchor: t.value! };
    }
    const startMark = t.start;
    let anchor: string | undefined;
    let tagToken: Token | undefined;
    if (t.type === T.ANCHOR) {
      anchor = t.value!;
      this.s.next();
      t = this.s.peek();
      if (t.type === T.TAG) {
        tagToken = t;
        this.s.next();
        t = this.s.peek();
      }
    } else if (t.type === T.TAG) {
      tagToken = t;
      this.s.next();
      t = this.s.peek();
      if (t.type === T.ANCHOR) {
        anchor = t.value!;
        this.s.next();
        t = this.s.peek();
      }
    }
    let tag = "";
    if (tagToken) {
      const handle = tagToken.value ?? "";
      if (handle.length === 0) tag = tagToken.suffix ?? "";
      else {
        const d = this.tagDirectives.find((x) => x.handle === handle);
        if (d) tag = d.prefix + (tagToken.suffix ?? "");
        if (tag.length === 0) this.fail("found undefined tag handle", tagToken.start, startMark);
      }
    }
    if (indentlessSequence && t.type === T.BLOCK_ENTRY) {
      this.state = S.INDENTLESS_SEQUENCE_ENTRY;
      return { type: E.SEQUENCE_START, anchor, tag };
    }
    if (t.type === T.SCALAR) {
      this.state = this.pop();
      this.s.next();
      return { type: E.SCALAR, anchor, tag, value: t.value ?? "", style: t.style ?? STYLE.PLAIN };
    }
    if (t.type === T.FLOW_SEQUENCE_START) {
      this.state = S.FLOW_SEQUENCE_FIRST_ENTRY;
      return { type: E.SEQUENCE_START, anchor, tag };
    }
    if (t.type === T.FLOW_MAPPING_START) {
      this.state = S.FLOW_MAPPING_FIRST_KEY;
      return { type: E.MAPPING_START, anchor, tag };
    }
    if (block && t.type === T.BLOCK_SEQUENCE_START) {
      this.state = S.BLOCK_SEQUENCE_FIRST_ENTRY;
      return { type: E.SEQUENCE_START, anchor, tag };
    }
    if (block && t.type === T.BLOCK_MAPPING_START) {
      this.state = S.BLOCK_MAPPING_FIRST_KEY;
      return { type: E.MAPPING_START, anchor, tag };
    }
    if (anchor !== undefined || tag.length > 0) {
      this.state = this.pop();
      return { type: E.SCALAR, anchor, tag, value: "", style: STYLE.PLAIN };
    }
    this.fail("did not find expected node content", t.start, startMark);
  }

  private blockSequenceEntry(first: boolean): Event {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.next();
    }
    let t = this.s.peek();
    if (t.type === T.BLOCK_ENTRY) {
      this.s.next();
      t = this.s.peek();
      if (t.type !== T.BLOCK_ENTRY && t.type !== T.BLOCK_END) {
        this.states.push(S.BLOCK_SEQUENCE_ENTRY);
        return this.node(true, false);
      }
      this.state = S.BLOCK_SEQUENCE_ENTRY;
      return EMPTY;
    }
    if (t.type === T.BLOCK_END) {
      this.state = this.pop();
      this.marks.pop();
      this.s.next();
      return { type: E.SEQUENCE_END };
    }
    const context = this.marks.pop()!;
    this.fail("did not find expected '-' indicator", t.start, context);
  }

  private indentlessSequenceEntry(): Event {
    let t = this.s.peek();
    if (t.type === T.BLOCK_ENTRY) {
      this.s.next();
      t = this.s.peek();
      if (t.type !== T.BLOCK_ENTRY && t.type !== T.KEY && t.type !== T.VALUE && t.type !== T.BLOCK_END) {
        this.states.push(S.INDENTLESS_SEQUENCE_ENTRY);
        return this.node(true, false);
      }
      this.state = S.INDENTLESS_SEQUENCE_ENTRY;
      return EMPTY;
    }
    this.state = this.pop();
    return { type: E.SEQUENCE_END };
  }

  private blockMappingKey(first: boolean): Event {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.next();
    }
    let t = this.s.peek();
    if (t.type === T.KEY) {
      this.s.next();
      t = this.s.peek();
      if (t.type !== T.KEY && t.type !== T.VALUE && t.type !== T.BLOCK_END) {
        this.states.push(S.BLOCK_MAPPING_VALUE);
        return this.node(true, true);
      }
      this.state = S.BLOCK_MAPPING_VALUE;
      return EMPTY;
    }
    if (t.type === T.BLOCK_END) {
      this.state = this.pop();
      this.marks.pop();
      this.s.next();
      return { type: E.MAPPING_END };
    }
    const context = this.marks.pop()!;
    this.fail("did not find expected key", t.start, context);
  }

  private blockMappingValue(): Event {
    let t = this.s.peek();
    if (t.type === T.VALUE) {
      this.s.next();
      t = this.s.peek();
      if (t.type !== T.KEY && t.type !== T.VALUE && t.type !== T.BLOCK_END) {
        this.states.push(S.BLOCK_MAPPING_KEY);
        return this.node(true, true);
      }
    }
    this.state = S.BLOCK_MAPPING_KEY;
    return EMPTY;
  }

  private flowSequenceEntry(first: boolean): Event {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.next();
    }
    let t = this.s.peek();
    if (t.type !== T.FLOW_SEQUENCE_END) {
      if (!first) {
        if (t.type === T.FLOW_ENTRY) {
          this.s.next();
          t = this.s.peek();
        } else {
          const context = this.marks.pop()!;
          this.fail("did not find expected ',' or ']'", t.start, context);
        }
      }
      if (t.type === T.KEY) {
        this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_KEY;
        this.s.next();
        return { type: E.MAPPING_START, tag: "" };
      }
      if (t.type !== T.FLOW_SEQUENCE_END) {
        this.states.push(S.FLOW_SEQUENCE_ENTRY);
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    this.s.next();
    return { type: E.SEQUENCE_END };
  }

  private flowSequenceEntryMappingKey(): Event {
    const t = this.s.peek();
    if (t.type !== T.VALUE && t.type !== T.FLOW_ENTRY && t.type !== T.FLOW_SEQUENCE_END) {
      this.states.push(S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE);
      return this.node(false, false);
    }
    this.s.next();
    this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_VALUE;
    return EMPTY;
  }

  private flowSequenceEntryMappingValue(): Event {
    const t = this.s.peek();
    if (t.type === T.VALUE) {
      this.s.next();
      const u = this.s.peek();
      if (u.type !== T.FLOW_ENTRY && u.type !== T.FLOW_SEQUENCE_END) {
        this.states.push(S.FLOW_SEQUENCE_ENTRY_MAPPING_END);
        return this.node(false, false);
      }
    }
    this.state = S.FLOW_SEQUENCE_ENTRY_MAPPING_END;
    return EMPTY;
  }

  private flowMappingKey(first: boolean): Event {
    if (first) {
      this.marks.push(this.s.peek().start);
      this.s.next();
    }
    let t = this.s.peek();
    if (t.type !== T.FLOW_MAPPING_END) {
      if (!first) {
        if (t.type === T.FLOW_ENTRY) {
          this.s.next();
          t = this.s.peek();
        } else {
          const context = this.marks.pop()!;
          this.fail("did not find expected ',' or '}'", t.start, context);
        }
      }
      if (t.type === T.KEY) {
        this.s.next();
        t = this.s.peek();
        if (t.type !== T.VALUE && t.type !== T.FLOW_ENTRY && t.type !== T.FLOW_MAPPING_END) {
          this.states.push(S.FLOW_MAPPING_VALUE);
          return this.node(false, false);
        }
        this.state = S.FLOW_MAPPING_VALUE;
        return EMPTY;
      }
      if (t.type !== T.FLOW_MAPPING_END) {
        this.states.push(S.FLOW_MAPPING_EMPTY_VALUE);
        return this.node(false, false);
      }
    }
    this.state = this.pop();
    this.marks.pop();
    this.s.next();
    return { type: E.MAPPING_END };
  }

  private flowMappingValue(empty: boolean): Event {
    let t = this.s.peek();
    if (empty) {
      this.state = S.FLOW_MAPPING_KEY;
      return EMPTY;
    }
    if (t.type === T.VALUE) {
      this.s.next();
      t = this.s.peek();
      if (t.type !== T.FLOW_ENTRY && t.type !== T.FLOW_MAPPING_END) {
        this.states.push(S.FLOW_MAPPING_KEY);
        return this.node(false, false);
      }
    }
    this.state = S.FLOW_MAPPING_KEY;
    return EMPTY;
  }

  private processDirectives(): void {
    let t = this.s.peek();
    let version = false;
    const seen: { handle: string; prefix: string }[] = [];
    while (t.type === T.VERSION_DIRECTIVE || t.type === T.TAG_DIRECTIVE) {
      if (t.type === T.VERSION_DIRECTIVE) {
        if (version) this.fail("found duplicate %YAML directive", t.start);
        if (t.major !== 1 || t.minor !== 1) this.fail("found incompatible YAML document", t.start);
        version = true;
      } else {
        this.appendTagDirective({ handle: t.value!, prefix: t.suffix! }, false, t.start);
        seen.push({ handle: t.value!, prefix: t.suffix! });
      }
      this.s.next();
      t = this.s.peek();
    }
    this.appendTagDirective({ handle: "!", prefix: "!" }, true, t.start);
    this.appendTagDirective({ handle: "!!", prefix: "tag:yaml.org,2002:" }, true, t.start);
  }

  private appendTagDirective(
    d: { handle: string; prefix: string },
    allowDuplicates: boolean,
    mark: Mark,
  ): void {
    if (this.tagDirectives.some((x) => x.handle === d.handle)) {
      if (allowDuplicates) return;
      this.fail("found duplicate %TAG directive", mark);
    }
    this.tagDirectives.push(d);
  }
}

/**
 * go-yaml's (*parser).parse for Unmarshal: the node tree of the first
 * document (undefined for an empty stream). Anchors are registered when
 * their node starts; an alias must name one seen before it.
 */
function composeFirstDocument(p: Parser): GoNode | undefined {
  const anchors = new Map<string, GoNode>();
  let e = p.parse();
  if (!e || e.type !== E.STREAM_START) return undefined;
  e = p.parse();
  if (!e || e.type !== E.DOCUMENT_START) return undefined;
  const stack: (GoNode & { items: GoNode[] })[] = [];
  let root: GoNode | undefined;
  const add = (n: GoNode) => {
    if (stack.length > 0) stack[stack.length - 1]!.items.push(n);
    else root = n;
  };
  for (;;) {
    e = p.parse();
    if (!e) return root;
    switch (e.type) {
      case E.ALIAS: {
        const target = anchors.get(e.anchor!);
        if (!target) throw new DecodeFailure(`yaml: unknown anchor '${e.anchor}' referenced`);
        add({ kind: "alias", name: e.anchor!, target });
        break;
      }
      case E.SCALAR: {
        const tag = e.tag ?? "";
        const implicit = (tag === "" && e.style === STYLE.PLAIN) || tag === "!";
        const n: GoNode = {
          kind: "scalar",
          value: e.value ?? "",
          tag,
          implicit,
          style: e.style ?? STYLE.PLAIN,
        };
        if (e.anchor !== undefined) anchors.set(e.anchor, n);
        add(n);
        break;
      }
      case E.SEQUENCE_START:
      case E.MAPPING_START: {
        const n = {
          kind: e.type === E.SEQUENCE_START ? "seq" : "map",
          items: [],
          tag: e.tag ?? "",
        } as GoNode & {
          items: GoNode[];
        };
        if (e.anchor !== undefined) anchors.set(e.anchor, n);
        add(n);
        stack.push(n);
        break;
      }
      case E.SEQUENCE_END:
      case E.MAPPING_END:
        stack.pop();
        break;
      case E.DOCUMENT_END:
      case E.STREAM_END:
        return root;
    }
  }
}

/** The first document's nodes as go-yaml v2 reads them; throws go-yaml's error text as a string. */
export function parseFirstDocument(text: string): GoNode | undefined {
  try {
    return composeFirstDocument(new Parser(text));
  } catch (e) {
    if (e instanceof GoYAMLSyntaxError) throw new GoYAMLFailure(e.goMessage());
    if (e instanceof DecodeFailure) throw new GoYAMLFailure(e.message);
    throw e;
  }
}

/** A go-yaml failure with its exact text ("yaml: line 3: ..."). */
export class GoYAMLFailure extends Error {}

/**
 * The error go-yaml v2 reports when Unmarshal reads the first document of
 * text (before sigs.k8s.io/yaml's "error converting YAML to JSON: " prefix),
 * or undefined when the document's syntax is fine.
 */
export function goYAMLSyntaxError(text: string): string | undefined {
  try {
    parseFirstDocument(text);
    return undefined;
  } catch (e) {
    if (e instanceof GoYAMLFailure) return e.message;
    throw e;
  }
}
