import { useEffect, useState } from 'react';
import { Button, Input, NavBar } from 'antd-mobile';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { toastError, toastOk } from '../../lib/mobile/notify.js';
import { normalisePhone, OTP_DIGITS } from '../../lib/phone.js';
import { useShop } from './shop-context.js';
import './shop.css';

/** 手机号登录: phone → 获取验证码 → code. In development the code shows in the console's 消息 page. */
export default function LoginPage() {
  const { t } = useTranslation();
  const { api, href, refreshMe, store } = useShop();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (wait <= 0) return;
    const id = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(id);
  }, [wait]);

  const normal = normalisePhone(phone);
  const sendCode = async () => {
    if (!normal) return toastError(new Error(t('shop.phoneInvalid')));
    try {
      const r = await api.requestOtp(normal);
      setWait(r.resendAfterSeconds || 60);
      toastOk(t('shop.codeSent'));
    } catch (e) {
      toastError(e);
    }
  };

  const login = async () => {
    if (!normal || code.length !== OTP_DIGITS) return;
    setBusy(true);
    try {
      await api.login(normal, code);
      await refreshMe();
      const next = params.get('next');
      // back to where sign-in was asked for: a shop page or a live room
      nav(next && /^\/(shop|live)\//.test(next) ? next : href('/orders'), { replace: true });
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <NavBar onBack={() => nav(-1)}>{t('shop.login')}</NavBar>
      <div className="m-card">
        <div style={{ fontSize: 20, fontWeight: 600, marginBottom: 4 }}>{t('shop.loginTitle')}</div>
        <div className="m-muted" style={{ marginBottom: 12 }}>{t('shop.loginSub', { store: store?.name ?? '' })}</div>
        <div className="login-row">
          <label>{t('shop.phone')}</label>
          <Input type="tel" inputMode="tel" maxLength={16} placeholder={t('shop.phonePlaceholder')} value={phone} onChange={setPhone} clearable data-testid="shop-phone" />
        </div>
        <div className="login-row">
          <label>{t('shop.code')}</label>
          <Input inputMode="numeric" maxLength={OTP_DIGITS} placeholder={t('shop.codePlaceholder')} value={code}
            onChange={(v) => setCode(v.replace(/\D/g, ''))} onEnterPress={() => void login()} data-testid="shop-otp-code" />
          <Button size="small" color="primary" fill="outline" disabled={wait > 0 || !normal} onClick={() => void sendCode()} data-testid="shop-otp-send">
            {wait > 0 ? t('shop.resendIn', { s: wait }) : t('shop.getCode')}
          </Button>
        </div>
        <Button block color="primary" size="large" style={{ marginTop: 20 }} loading={busy} disabled={!normal || code.length !== OTP_DIGITS}
          onClick={() => void login()} data-testid="shop-login">
          {t('shop.loginButton')}
        </Button>
        <div className="m-muted" style={{ marginTop: 12 }}>{t('shop.loginHint')}</div>
      </div>
    </div>
  );
}
