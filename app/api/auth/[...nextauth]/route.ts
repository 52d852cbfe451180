import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';

import { authOptions } from '@/lib/auth/auth-options';

type Context = { params: Promise<{ nextauth: string[] }> };

// GET  /api/auth/providers, /api/auth/csrf, /api/auth/session – next-auth's own endpoints
// POST /api/auth/callback/credentials – sign in with email, password and (when enrolled) a code
// POST /api/auth/signout – next-auth's sign-out (the portal's button uses a server action)
async function handler(request: NextRequest, context: Context): Promise<Response> {
  return (await NextAuth(request, context, authOptions())) as Response;
}

export { handler as GET, handler as POST };
