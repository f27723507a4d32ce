import {helpRows} from '../../../source/services/keys/help.js';

export const keysHelpRows = helpRows();
