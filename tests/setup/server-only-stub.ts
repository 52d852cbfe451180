// Stands in for the `server-only` marker package in tests, which run server code outside React's bundler.
export {};
