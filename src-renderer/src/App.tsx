import { AboutScreen } from './features/about/AboutScreen'

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">Keyward</span>
        <span className="tagline">Your API keys, kept and tracked on this machine</span>
      </header>
      <main className="app-main">
        <AboutScreen />
      </main>
    </div>
  )
}
