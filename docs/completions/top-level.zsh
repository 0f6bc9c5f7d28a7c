
# Without a command, backtriage runs `interactive`; swift-argument-parser completes its options
# only after the word `interactive`. `make install` puts this in place of the generated script's
# last lines (its compdef), so that they complete at the top level too (`backtriage --lang <TAB>`),
# beside the command names, by completing as if `interactive` had been typed.
_backtriage_top_level() {
    if (( CURRENT > 2 )) && (( ${+functions[_backtriage_${words[2]}]} )); then
        _backtriage "${@}"
        return
    fi
    local -i ret=1
    # The first word: the command names and the top-level flags, as generated.
    (( CURRENT == 2 )) && _backtriage "${@}" && ret=0
    words=("${words[1]}" interactive "${(@)words[2,-1]}")
    (( CURRENT++ ))
    _backtriage "${@}" && ret=0
    return "${ret}"
}

compdef _backtriage_top_level backtriage
if [[ "${funcstack[1]}" = _backtriage ]]; then
    _backtriage_top_level "${@}"
fi
