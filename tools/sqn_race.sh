#!/usr/bin/env bash
# The mini-batch quasi-Newton race (issue 10): descent's Adam, SGD-Nesterov, plain and strong-Wolfe
# mini-batch L-BFGS, mb-lbfgs (r = 0.25 and r = 1), pb-lbfgs, sqn and full-batch L-BFGS against
# torch 1.13's Adam and torch.optim.LBFGS on batches, on Fashion-MNIST (per-feature standardized,
# L2 1e-4 on the weights), 1 thread, sequentially (never two runs at once).
#
# Usage: tools/sqn_race.sh OUT_DIR [PHASE ...]   (phase softmax-extra: pb-lbfgs:test=norm at both batches)
#   phases: softmax-8192 softmax-1024 mlp-8192 torch (default: all four, in that order)
#   A run whose .json exists is skipped, so an interrupted race continues where it stopped.
#   SEEDS="0 1 2" (default "0")   seeds of every run
#   TORCH_SEEDS (default "0")   seeds of the torch peers' runs
#   ONLY='regex' (default: every run)   run only the runs whose name matches (grep -E), e.g. ONLY='adam_lr3e-2|pb-lbfgs|sqn'
# Each descent run writes OUT_DIR/<problem>-b<batch>-<method>-s<seed>.{csv,json,err}: the --metrics rows
# (objective, passes, training seconds) and the --json summary; torch runs write the same columns.
# Then: /usr/bin/python3 tools/sqn_race_table.py OUT_DIR  (tables and SVG curves)
set -u
out=${1:?usage: tools/sqn_race.sh OUT_DIR [PHASE ...]}
shift
phases=${*:-softmax-8192 softmax-1024 mlp-8192 torch}
seeds=${SEEDS:-0}
root=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$out"
# one frozen copy of the jar, so that edits to the sources during the race do not rebuild it
"$root/descent" --version > "$out/version.txt" 2>&1 || exit 1
cp "$root/descent-cli/target/descent-cli-all.jar" "$out/descent.jar"
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
uname -a >> "$out/version.txt"; date -u >> "$out/version.txt"; uptime >> "$out/version.txt"

run() { # run NAME ARGS...
  local name=$1; shift
  [ -s "$out/$name.json" ] && return 0
  [ -n "${ONLY:-}" ] && ! grep -Eq -- "$ONLY" <<< "$name" && return 0
  echo "$(date -u +%H:%M:%S) $name" >> "$out/log.txt"
  "$java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseParallelGC -jar "$out/descent.jar" \
    train --data fashion-mnist --normalize per-feature --l2 1e-4 --threads 1 --no-progress \
    --metrics "$out/$name.csv" --json "$@" > "$out/$name.json" 2> "$out/$name.err"
}

descent_phase() { # descent_phase MODEL TAG BATCH EPOCHS EVAL_EVERY ADAM_LRS NESTEROV_LRS SQN_LRS SQN_MOMENTUM_LRS
  local model=$1 tag=$2 b=$3 ep=$4 ev=$5 adam=$6 nest=$7 sqn=$8 sqnm=$9
  local steps=$(( ep * ((60000 + b - 1) / b) ))
  for s in $seeds; do
    local p="$tag-b$b"
    local common=(--model "$model" --batch "$b" --epochs "$ep" --seed "$s" --eval-every "$ev")
    for lr in $adam; do run "$p-adam_lr$lr-s$s" "${common[@]}" --optimizer adam --lr "$lr" --schedule "cosine:steps=$steps"; done
    for lr in $nest; do run "$p-nesterov_lr$lr-s$s" "${common[@]}" --optimizer nesterov --lr "$lr" --schedule "cosine:steps=$steps"; done
    run "$p-mb-lbfgs_r0.25-s$s" "${common[@]}" --optimizer mb-lbfgs
    run "$p-mb-lbfgs_r1-s$s" "${common[@]}" --optimizer mb-lbfgs:overlap=1
    run "$p-pb-lbfgs-s$s" "${common[@]}" --optimizer pb-lbfgs
    run "$p-pb-lbfgs_norm-s$s" "${common[@]}" --optimizer pb-lbfgs:test=norm
    # the overlap search (no forward pass per accepted step), picked from a seed-0 exploration
    # (docs/PERFORMANCE.md): a cosine-decayed first trial over the run's iterations (a step takes
    # b − round(b/4) fresh rows), and the norm test with the sample capped at 2b; memory 30
    local nb=$(( b - (b + 2) / 4 )) ov=search=overlap,memory=30
    local qsteps=$(( (ep * 60000 + nb - 1) / nb ))
    run "$p-pb-lbfgs_ov_cos-s$s" "${common[@]}" --optimizer "pb-lbfgs:$ov" --schedule "cosine:steps=$qsteps"
    run "$p-pb-lbfgs_ov_norm2x-s$s" "${common[@]}" --optimizer "pb-lbfgs:$ov,test=norm,max_batch=$(( 2 * b ))"
    run "$p-mb-lbfgs_ov_lr0.5-s$s" "${common[@]}" --optimizer "mb-lbfgs:$ov" --lr 0.5 --schedule "cosine:steps=$qsteps"
    for lr in $sqn; do run "$p-sqn_lr$lr-s$s" "${common[@]}" --optimizer sqn --lr "$lr" --schedule "cosine:steps=$steps"; done
    # SQN with heavy-ball momentum 0.9 (its steps are about 10× α in the long run, hence the grid one step lower)
    for lr in $sqnm; do run "$p-sqn_m0.9_lr$lr-s$s" "${common[@]}" --optimizer sqn:momentum=0.9 --lr "$lr" --schedule "cosine:steps=$steps"; done
    # SQN given a third more epochs (its steps cost about Adam's; the budget is 1.5× Adam's seconds)
    local ep2=$(( ep * 4 / 3 )) steps2=$(( ep * 4 / 3 * ((60000 + b - 1) / b) ))
    run "$p-sqn_lr0.3_ep$ep2-s$s" --model "$model" --batch "$b" --epochs "$ep2" --seed "$s" --eval-every "$ev" \
      --optimizer sqn --lr 0.3 --schedule "cosine:steps=$steps2"
    run "$p-naive-lbfgs-s$s" "${common[@]}" --optimizer naive-lbfgs
    run "$p-naive-lbfgs_wolfe-s$s" "${common[@]}" --optimizer naive-lbfgs:wolfe=true
    run "$p-full-lbfgs-s$s" --model "$model" --seed "$s" --epochs "$ep" --optimizer lbfgs
  done
}

for phase in $phases; do
  case $phase in
    # each first-order grid reaches one step past its best lr on both sides
    softmax-8192) descent_phase softmax softmax 8192 30 8 "1e-3 3e-3 1e-2 3e-2 1e-1" "0.03 0.1 0.3 1" "0.1 0.3 1" "0.03 0.1 0.3 1" ;;
    softmax-1024) descent_phase softmax softmax 1024 15 20 "1e-3 3e-3 1e-2 3e-2" "0.03 0.1 0.3 1" "0.1 0.3 1" "0.03 0.1 0.3 1" ;;
    softmax-extra) # added after the first results: pb-lbfgs with the norm test
      for s in $seeds; do
        run "softmax-b8192-pb-lbfgs_norm-s$s" --model softmax --batch 8192 --epochs 30 --seed "$s" --eval-every 8 --optimizer pb-lbfgs:test=norm
        run "softmax-b1024-pb-lbfgs_norm-s$s" --model softmax --batch 1024 --epochs 15 --seed "$s" --eval-every 20 --optimizer pb-lbfgs:test=norm
      done ;;
    mlp-8192) # a reduced set on the MLP (each run costs about 10× the softmax one on this machine)
      for s in $seeds; do
        common=(--model mlp:256 --batch 8192 --epochs 10 --seed "$s" --eval-every 8)
        for lr in 1e-3 3e-3 1e-2; do run "mlp256-b8192-adam_lr$lr-s$s" "${common[@]}" --optimizer adam --lr "$lr" --schedule cosine:steps=80; done
        run "mlp256-b8192-mb-lbfgs_r0.25-s$s" "${common[@]}" --optimizer mb-lbfgs
        run "mlp256-b8192-pb-lbfgs_norm-s$s" "${common[@]}" --optimizer pb-lbfgs:test=norm
        run "mlp256-b8192-pb-lbfgs-s$s" "${common[@]}" --optimizer pb-lbfgs
        run "mlp256-b8192-pb-lbfgs_ov_cos-s$s" "${common[@]}" --optimizer pb-lbfgs:search=overlap,memory=30 --schedule cosine:steps=98
        run "mlp256-b8192-pb-lbfgs_ov_norm2x-s$s" "${common[@]}" --optimizer pb-lbfgs:search=overlap,memory=30,test=norm,max_batch=16384
        run "mlp256-b8192-sqn_lr0.1-s$s" "${common[@]}" --optimizer sqn --lr 0.1 --schedule cosine:steps=80
        for lr in 0.01 0.03 0.1; do run "mlp256-b8192-sqn_m0.9_lr$lr-s$s" "${common[@]}" --optimizer sqn:momentum=0.9 --lr "$lr" --schedule cosine:steps=80; done
        run "mlp256-b8192-naive-lbfgs-s$s" "${common[@]}" --optimizer naive-lbfgs
      done ;;
    torch) # the peers run for TORCH_SEEDS (default: 0)
      for s in ${TORCH_SEEDS:-0}; do
        for b in 8192 1024; do
          ep=$([ $b = 8192 ] && echo 30 || echo 15)
          for lr in 1e-3 3e-3 1e-2 3e-2 $([ $b = 8192 ] && echo 1e-1); do # descent's Adam grid
            name="softmax-b$b-torch-adam_lr$lr-s$s"
            [ -s "$out/$name.csv" ] || /usr/bin/python3 "$root/tools/sqn_race_torch.py" --method adam --lr "$lr" --batch $b --epochs $ep \
              --seed $s --out "$out/$name.csv" 2> "$out/$name.err"
          done
          for m in lbfgs lbfgs-wolfe; do
            name="softmax-b$b-torch-$m-s$s"
            [ -s "$out/$name.csv" ] || /usr/bin/python3 "$root/tools/sqn_race_torch.py" --method $m --batch $b --epochs $ep \
              --seed $s --out "$out/$name.csv" 2> "$out/$name.err"
          done
        done
      done ;;
    *) echo "unknown phase $phase" >&2; exit 2 ;;
  esac
done
echo "$(date -u +%H:%M:%S) done" >> "$out/log.txt"
