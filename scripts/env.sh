# The one place the shell side of the build takes its PATH from; sourced
# (POSIX sh) from the project root by the Makefile, scripts/test and
# scripts/bench. Order matters:
# - scripts/split/ first, so trunk calls the wasm-bindgen there, which cuts
#   the wasm into the main module and the lazy pages before the real one runs;
# - node_modules/.bin for wasm-opt (npm binaryen), playwright and lighthouse;
# - ~/.cargo/bin for trunk, wasm-bindgen-cli and wasm-split-cli (scripts/setup).
PATH="$PWD/scripts/split:$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export PATH
