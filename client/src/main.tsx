import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import 'dayjs/locale/zh-cn';
import dayjs from 'dayjs';
import { App } from './App';
import { LangProvider, useLang } from './i18n/LangContext';
import './styles.css';

/** Ant Design's own texts (date pickers, pagination) follow the chosen language too. */
function Localised() {
  const { lang } = useLang();
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={{ token: {
      // Chosen for contrast (WCAG AA, 4.5:1) on white and on the page's grey: links and secondary text included.
      colorPrimary: '#0b4f8a', colorLink: '#0b4f8a', colorInfo: '#0b4f8a', colorTextSecondary: '#595959', colorTextDescription: '#595959', colorTextPlaceholder: '#737373', colorTextTertiary: '#666666',
    } }}>
      <App />
    </ConfigProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <LangProvider>
        <Localised />
      </LangProvider>
    </BrowserRouter>
  </StrictMode>,
);
