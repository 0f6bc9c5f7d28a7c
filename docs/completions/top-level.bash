
# Without a command, backtriage runs `interactive`; swift-argument-parser completes its options
# only after the word `interactive`. `make install` appends this to the generated script, so that
# they complete at the top level too (`backtriage --lang <TAB>`, `backtriage --pl<TAB>`), beside
# the command names, by completing as if `interactive` had been typed.
_backtriage_top_level() {
    if (( COMP_CWORD > 1 )) && declare -F "_backtriage_${COMP_WORDS[1]}" >/dev/null; then
        _backtriage "$@"
        return
    fi
    # The first word: the command names and the top-level flags, as generated.
    (( COMP_CWORD == 1 )) && _backtriage "$@"
    local -a COMP_WORDS=("${COMP_WORDS[0]}" interactive "${COMP_WORDS[@]:1}")
    local -i COMP_CWORD=$(( COMP_CWORD + 1 ))
    local COMP_LINE="${COMP_WORDS[0]} interactive${COMP_LINE:${#COMP_WORDS[0]}}"
    local -i COMP_POINT=$(( COMP_POINT + 12 ))
    _backtriage "$1" "$2" "${COMP_WORDS[COMP_CWORD - 1]}"
    local -a unique
    mapfile -t unique < <(printf '%s\n' "${COMPREPLY[@]}" | sort -u)
    COMPREPLY=("${unique[@]}")
}
complete -o filenames -F _backtriage_top_level backtriage
