import type { ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useStaffSession } from '../staff-session.js';
import { StaffLogin } from './StaffLogin.js';

type Session = ReturnType<typeof useStaffSession>;

interface Props {
  title: string;
  subtitle: string;
  demoLogin: string;
  /** what a signed-in staff member sees */
  children(me: NonNullable<Session['me']>, session: Session): ReactNode;
}

/** The staff surfaces' door: checking the session, a retry on failure, the login form, then the surface. */
export function StaffGate({ title, subtitle, demoLogin, children }: Props) {
  const { t } = useTranslation();
  const session = useStaffSession();
  if (session.checking) return <Spin size="large" fullscreen />;
  if (session.failure)
    return <Result status="500" title={session.failure.message} extra={<Button onClick={() => void session.refresh()}>{t('common.retry')}</Button>} />;
  if (!session.me)
    return <StaffLogin title={title} subtitle={subtitle} demoLogin={demoLogin} demoPassword="linli-demo-2026" onDone={() => void session.refresh()} />;
  return <>{children(session.me, session)}</>;
}
