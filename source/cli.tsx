#!/usr/bin/env node
// Entry point. The full meow CLI and the Ink app are wired in by the TUI work (issue 4).
console.log('pdrive-tui: work in progress');
