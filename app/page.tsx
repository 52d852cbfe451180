import { redirect } from 'next/navigation';

// The portal opens on today's appointments; signed-out visitors are sent to
// sign in by the staff layout's guard.
export default function Home() {
  redirect('/dashboard');
}
