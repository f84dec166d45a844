#!/usr/bin/env node
// The capstan command. The CLI is bundled into dist/ by `npm install` (scripts/build.mjs).
import "../dist/cli.js";
