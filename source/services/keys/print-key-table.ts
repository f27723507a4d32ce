// Prints the readme's key table: `node --import tsx source/services/keys/print-key-table.ts`.
import {renderKeyTableMarkdown} from './help.js';

process.stdout.write(renderKeyTableMarkdown());
