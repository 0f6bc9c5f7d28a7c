
# Without a command, backtriage runs `interactive`; swift-argument-parser completes its options
# only after the word `interactive`. `make install` appends this to the generated script: when the
# first word after `backtriage` is an option, the words are read as if `interactive` stood before
# it, so its options and their values complete at the top level too (`backtriage --lang <TAB>`).
functions -c __backtriage_tokens __backtriage_generated_tokens
function __backtriage_tokens
    set -l tokens (__backtriage_generated_tokens $argv)
    set -l first $tokens[2]
    test (count $tokens) -lt 2; and set first (commandline -ct)
    if string match -q -- '-*' "$first"
        set tokens $tokens[1] interactive $tokens[2..]
    end
    printf '%s\n' $tokens
end
