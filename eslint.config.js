import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import r3f from '@react-three/eslint-plugin'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'reports', 'public', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, '@react-three': r3f },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // R3F's own pitfalls: no allocation and no cloning inside the frame loop.
      '@react-three/no-new-in-loop': 'error',
      '@react-three/no-clone-in-loop': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // three.js objects (renderer, scene, controls, materials) are mutable by design, and R3F's
    // documented pattern is to change them in effects and useFrame. The React Compiler's
    // immutability rule reads that as a bug, so it is off for the 3D layer only.
    files: ['src/scene/**/*.{ts,tsx}'],
    rules: { 'react-hooks/immutability': 'off' },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '.ci/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
)
