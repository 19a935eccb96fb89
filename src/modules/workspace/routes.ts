import { builtinViewRoutes } from './builtin-views.js';
import { bulkRoutes } from './bulk-routes.js';
import { customerOverviewRoutes } from './customer-overview.js';
import { macroRoutes } from './macro-routes.js';
import { savedViewRoutes } from './saved-view-routes.js';
import { teamLoadRoutes } from './team-load.js';

/** The staff workspace's own API: macros, saved views, bulk changes, team load, customer 360. */
export const workspaceRoutes = [...bulkRoutes, ...customerOverviewRoutes, ...macroRoutes, ...builtinViewRoutes, ...savedViewRoutes, ...teamLoadRoutes];
