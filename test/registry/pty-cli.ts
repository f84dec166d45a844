// Runs the capstan CLI from source (for tests that need a real terminal, under script(1)).
import { run } from "../../src/cli/entry.ts";

await run();
