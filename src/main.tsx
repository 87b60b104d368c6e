import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/App'
import { loadCatalog } from './i18n/translate'
import { useJourneyStore } from './store'
import './app.css'

await loadCatalog(useJourneyStore.getState().uiLocale)
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
