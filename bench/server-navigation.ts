// Inside Next, server code gets next/navigation's react-server build (redirect,
// notFound; no client hooks). Plain Node with the react-server condition would
// load the client build, which needs React's client API: the benches point it
// at the server one before importing any page or route code.
import { registerHooks } from 'node:module';

export function resolveServerNavigationBuild(): void {
  registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'next/navigation') {
        return nextResolve('next/dist/client/components/navigation.react-server.js', context);
      }
      return nextResolve(specifier, context);
    },
  });
}
