import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Camera or gallery (one photo), with a preview; the input is a real <input type=file> for e2e. */
export function PhotoPicker({ file, onChange, testId = 'aftersales-photo' }: { file: File | null; onChange(f: File | null): void; testId?: string }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [preview, setPreview] = useState<string>();
  useEffect(() => {
    if (!file) return setPreview(undefined);
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [file]);
  return (
    <div className="as-photo">
      <input ref={input} type="file" accept="image/*" capture="environment" hidden data-testid={testId}
        onChange={(e) => {
          onChange(e.target.files?.[0] ?? null);
          e.target.value = '';
        }} />
      {preview ? (
        <div className="as-photo-preview">
          <img src={preview} alt="" data-testid={`${testId}-preview`} />
          <div className="as-photo-actions">
            <button type="button" onClick={() => input.current?.click()}>{t('shopAfterSales.changePhoto')}</button>
            <button type="button" onClick={() => onChange(null)}>{t('shopAfterSales.removePhoto')}</button>
          </div>
        </div>
      ) : (
        <button type="button" className="as-photo-add" onClick={() => input.current?.click()}>
          <span className="as-photo-plus">＋</span>
          <span>{t('shopAfterSales.addPhoto')}</span>
        </button>
      )}
    </div>
  );
}
