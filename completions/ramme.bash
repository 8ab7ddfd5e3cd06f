# bash completion for ramme: commands, options, formats, and .ramme files
# (CSV and JSON after --applicants). Installed as
# /usr/share/bash-completion/completions/ramme.
_ramme()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        cword=$COMP_CWORD
    fi
    local commands="check explain schedule plan admit diff test init fmt lsp"
    local options="--format --color --strict -I --coverage -j --fix --lang --help --version"

    case $prev in
        --format)
            local formats="text json"
            [[ " ${COMP_WORDS[*]} " == *" schedule "* ]] && formats="text json csv ics html"
            [[ " ${COMP_WORDS[*]} " == *" plan "* ]] && formats="text json csv ics html ramme dzn"
            [[ " ${COMP_WORDS[*]} " == *" admit "* ]] && formats="text json csv html"
            [[ " ${COMP_WORDS[*]} " == *" check "* ]] && formats="text json html brief"
            [[ " ${COMP_WORDS[*]} " == *" diff "* ]] && formats="text json html"
            COMPREPLY=($(compgen -W "$formats" -- "$cur")); return ;;
        --color|--colour)
            COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        --lang)
            COMPREPLY=($(compgen -W "da en" -- "$cur")); return ;;
        -I)
            COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --applicants)
            COMPREPLY=($(compgen -f -X '!*.@(csv|CSV|json|JSON)' -- "$cur") $(compgen -d -- "$cur")); return ;;
        -o)
            COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --schedule|--course|--plan|--proposals|--proposal|--time-limit)
            return ;;
    esac

    if [ "$cword" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$commands --help --version" -- "$cur"))
        return
    fi
    case ${COMP_WORDS[1]} in
        schedule) options="$options -o --schedule" ;;
        plan) options="$options -o --plan --proposals --proposal --time-limit" ;;
        admit) options="$options --applicants --course --show-fields" ;;
        fmt) options="--check -w --lang --help" ;;
        lsp) options="-I --lang --help"
             # The editor sends the documents: no file to name.
             [[ $cur == -* ]] || return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -X '!*.ramme' -- "$cur") $(compgen -d -- "$cur"))
    fi
}
complete -F _ramme ramme
