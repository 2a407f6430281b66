# The Enum, Map, List and Keyword functions that take a function argument. They
# are Elixir code so that a callback may block (a GenServer.call inside
# Enum.map) like any other code.

defmodule Enum do
  def reduce(list, acc, fun) when is_list(list), do: reduce_list(list, acc, fun)

  def reduce(%Range{first: first, last: last, step: step}, acc, fun),
    do: reduce_range(first, last, step, acc, fun)

  # Only maps are enumerable besides lists and ranges. Their pairs get a loop of
  # their own so that a stack trace can tell them from a list (the BEAM walks a
  # map with `:maps.fold/3`).
  def reduce(enumerable, acc, fun), do: reduce_map(Enum.__enumerable__(enumerable), acc, fun)

  def reduce(enumerable, fun) do
    case Enum.to_list(enumerable) do
      [first | rest] -> reduce_rest(rest, first, fun)
      [] -> raise Enum.EmptyError
    end
  end

  # `reduce_list/3` under the name a stack trace shows as `Enum.reduce/2`'s.
  defp reduce_rest([head | tail], acc, fun), do: reduce_rest(tail, fun.(head, acc), fun)
  defp reduce_rest([], acc, _fun), do: acc

  defp reduce_list([head | tail], acc, fun), do: reduce_list(tail, fun.(head, acc), fun)
  defp reduce_list([], acc, _fun), do: acc

  defp reduce_map([pair | pairs], acc, fun), do: reduce_map(pairs, fun.(pair, acc), fun)
  defp reduce_map([], acc, _fun), do: acc

  defp reduce_range(i, last, step, acc, fun) when (step > 0 and i <= last) or (step < 0 and i >= last),
    do: reduce_range(i + step, last, step, fun.(i, acc), fun)

  defp reduce_range(_i, _last, _step, acc, _fun), do: acc

  def reduce_while(enumerable, acc, fun), do: reduce_while_list(Enum.to_list(enumerable), acc, fun)

  defp reduce_while_list([head | tail], acc, fun) do
    case fun.(head, acc) do
      {:cont, acc} -> reduce_while_list(tail, acc, fun)
      {:halt, acc} -> acc
    end
  end

  defp reduce_while_list([], acc, _fun), do: acc

  def map(enumerable, fun), do: :lists.reverse(reduce(enumerable, [], fn x, acc -> [fun.(x) | acc] end))

  def each(enumerable, fun) do
    reduce(enumerable, nil, fn x, _ ->
      fun.(x)
      nil
    end)

    :ok
  end

  def filter(enumerable, fun),
    do: :lists.reverse(reduce(enumerable, [], fn x, acc -> if fun.(x), do: [x | acc], else: acc end))

  def reject(enumerable, fun),
    do: :lists.reverse(reduce(enumerable, [], fn x, acc -> if fun.(x), do: acc, else: [x | acc] end))

  def flat_map(enumerable, fun),
    do: :lists.reverse(reduce(enumerable, [], fn x, acc -> :lists.reverse(Enum.to_list(fun.(x)), acc) end))

  def map_join(enumerable, joiner \\ "", mapper), do: join(map(enumerable, mapper), joiner)

  def count(enumerable, fun), do: reduce(enumerable, 0, fn x, n -> if fun.(x), do: n + 1, else: n end)

  def find(enumerable, default \\ nil, fun), do: find_list(Enum.to_list(enumerable), default, fun)

  defp find_list([head | tail], default, fun) do
    if fun.(head), do: head, else: find_list(tail, default, fun)
  end

  defp find_list([], default, _fun), do: default

  def find_index(enumerable, fun), do: find_index_list(Enum.to_list(enumerable), 0, fun)

  defp find_index_list([head | tail], i, fun) do
    if fun.(head), do: i, else: find_index_list(tail, i + 1, fun)
  end

  defp find_index_list([], _i, _fun), do: nil

  def find_value(enumerable, default \\ nil, fun), do: find_value_list(Enum.to_list(enumerable), default, fun)

  defp find_value_list([head | tail], default, fun) do
    case fun.(head) do
      result when result in [nil, false] -> find_value_list(tail, default, fun)
      result -> result
    end
  end

  defp find_value_list([], default, _fun), do: default

  def any?(enumerable), do: any?(enumerable, fn x -> x end)
  def any?(enumerable, fun), do: any_list(Enum.to_list(enumerable), fun)

  defp any_list([head | tail], fun) do
    if fun.(head), do: true, else: any_list(tail, fun)
  end

  defp any_list([], _fun), do: false

  def all?(enumerable), do: all?(enumerable, fn x -> x end)
  def all?(enumerable, fun), do: all_list(Enum.to_list(enumerable), fun)

  defp all_list([head | tail], fun) do
    if fun.(head), do: all_list(tail, fun), else: false
  end

  defp all_list([], _fun), do: true

  def min_by(enumerable, fun), do: by(enumerable, fun, fn a, b -> a < b end)
  def max_by(enumerable, fun), do: by(enumerable, fun, fn a, b -> a > b end)

  def min_by(enumerable, fun, empty_fallback) when is_function(empty_fallback, 0) do
    if empty?(enumerable), do: empty_fallback.(), else: min_by(enumerable, fun)
  end

  def max_by(enumerable, fun, empty_fallback) when is_function(empty_fallback, 0) do
    if empty?(enumerable), do: empty_fallback.(), else: max_by(enumerable, fun)
  end

  def chunk_while(enumerable, acc, chunk_fun, after_fun) do
    {chunks, acc} =
      Enum.reduce(enumerable, {[], acc}, fn x, {chunks, acc} ->
        case chunk_fun.(x, acc) do
          {:cont, chunk, acc} -> {[chunk | chunks], acc}
          {:cont, acc} -> {chunks, acc}
        end
      end)

    case after_fun.(acc) do
      {:cont, chunk, _acc} -> :lists.reverse([chunk | chunks])
      {:cont, _acc} -> :lists.reverse(chunks)
    end
  end

  def split_while(enumerable, fun) do
    list = Enum.to_list(enumerable)
    taken = take_while(list, fun)
    {taken, Enum.drop(list, length(taken))}
  end

  def take_every(enumerable, nth) when is_integer(nth) and nth > 0 do
    enumerable
    |> Enum.with_index()
    |> Enum.filter(fn {_, i} -> rem(i, nth) == 0 end)
    |> Enum.map(fn {x, _} -> x end)
  end

  defp by(enumerable, fun, better) do
    case Enum.to_list(enumerable) do
      [] ->
        raise Enum.EmptyError

      [first | rest] ->
        {best, _} =
          reduce_list(rest, {first, fun.(first)}, fn x, {b, bk} ->
            k = fun.(x)
            if better.(k, bk), do: {x, k}, else: {b, bk}
          end)

        best
    end
  end

  def sort(enumerable, :asc), do: sort(enumerable)
  def sort(enumerable, :desc), do: Enum.__sort_desc__(enumerable)
  def sort(enumerable, fun), do: merge_sort(Enum.to_list(enumerable), fun)

  def sort_by(enumerable, mapper, sorter \\ :asc) do
    pairs = map(enumerable, fn x -> {mapper.(x), x} end)

    compare =
      case sorter do
        :asc -> fn {a, _}, {b, _} -> a <= b end
        :desc -> fn {a, _}, {b, _} -> a >= b end
        fun -> fn {a, _}, {b, _} -> fun.(a, b) end
      end

    map(merge_sort(pairs, compare), fn {_, x} -> x end)
  end

  # A stable merge sort: `fun.(a, b)` is true when `a` may come first.
  defp merge_sort([], _fun), do: []
  defp merge_sort([x], _fun), do: [x]

  defp merge_sort(list, fun) do
    {left, right} = split(list, div(length(list), 2))
    merge(merge_sort(left, fun), merge_sort(right, fun), fun, [])
  end

  defp merge([a | as] = left, [b | bs] = right, fun, acc) do
    if fun.(a, b), do: merge(as, right, fun, [a | acc]), else: merge(left, bs, fun, [b | acc])
  end

  defp merge([], right, _fun, acc), do: :lists.reverse(acc, right)
  defp merge(left, [], _fun, acc), do: :lists.reverse(acc, left)

  def uniq_by(enumerable, fun) do
    {list, _} =
      reduce(enumerable, {[], %{}}, fn x, {acc, seen} ->
        key = fun.(x)
        if Map.has_key?(seen, key), do: {acc, seen}, else: {[x | acc], Map.put(seen, key, true)}
      end)

    :lists.reverse(list)
  end

  def group_by(enumerable, key_fun, value_fun \\ fn x -> x end) do
    enumerable
    |> reverse()
    |> reduce(%{}, fn x, acc ->
      key = key_fun.(x)
      Map.put(acc, key, [value_fun.(x) | Map.get(acc, key, [])])
    end)
  end

  def frequencies_by(enumerable, fun) do
    reduce(enumerable, %{}, fn x, acc -> Map.update(acc, fun.(x), 1, &(&1 + 1)) end)
  end

  def into(enumerable, collectable) when is_list(collectable), do: collectable ++ Enum.to_list(enumerable)

  def into(enumerable, collectable) when is_binary(collectable),
    do: collectable <> join(enumerable, "")

  def into(enumerable, %MapSet{} = set), do: MapSet.union(set, MapSet.new(enumerable))

  def into(enumerable, %{} = map) do
    reduce(enumerable, map, fn {k, v}, acc -> Map.put(acc, k, v) end)
  end

  def into(enumerable, collectable, fun), do: into(map(enumerable, fun), collectable)

  def split_with(enumerable, fun) do
    {yes, no} =
      reduce(enumerable, {[], []}, fn x, {yes, no} ->
        if fun.(x), do: {[x | yes], no}, else: {yes, [x | no]}
      end)

    {:lists.reverse(yes), :lists.reverse(no)}
  end

  def take_while(enumerable, fun), do: take_while_list(Enum.to_list(enumerable), fun, [])

  defp take_while_list([head | tail], fun, acc) do
    if fun.(head), do: take_while_list(tail, fun, [head | acc]), else: :lists.reverse(acc)
  end

  defp take_while_list([], _fun, acc), do: :lists.reverse(acc)

  def drop_while(enumerable, fun), do: drop_while_list(Enum.to_list(enumerable), fun)

  defp drop_while_list([head | tail] = list, fun) do
    if fun.(head), do: drop_while_list(tail, fun), else: list
  end

  defp drop_while_list([], _fun), do: []

  def map_reduce(enumerable, acc, fun) do
    {list, acc} =
      reduce(enumerable, {[], acc}, fn x, {list, acc} ->
        {y, acc} = fun.(x, acc)
        {[y | list], acc}
      end)

    {:lists.reverse(list), acc}
  end

  def with_index(enumerable, fun) when is_function(fun, 2) do
    {list, _} = map_reduce(enumerable, 0, fn x, i -> {fun.(x, i), i + 1} end)
    list
  end

  def with_index(enumerable, offset) when is_integer(offset) do
    {list, _} = map_reduce(enumerable, offset, fn x, i -> {{x, i}, i + 1} end)
    list
  end

  def chunk_every(enumerable, count), do: chunk_every(enumerable, count, count, [])

  def chunk_every(enumerable, count, step, leftover \\ [])
      when is_integer(count) and count > 0 and is_integer(step) and step > 0 do
    chunk_list(Enum.to_list(enumerable), count, step, leftover, [])
  end

  defp chunk_list([], _count, _step, _leftover, acc), do: :lists.reverse(acc)

  defp chunk_list(list, count, step, leftover, acc) do
    chunk = Enum.take(list, count)
    size = length(chunk)

    cond do
      size == count and length(list) <= count -> :lists.reverse([chunk | acc])
      size == count -> chunk_list(Enum.drop(list, step), count, step, leftover, [chunk | acc])
      leftover == :discard -> :lists.reverse(acc)
      true -> :lists.reverse([chunk ++ Enum.take(leftover, count - size) | acc])
    end
  end

  def min_max(enumerable) do
    case Enum.to_list(enumerable) do
      [] -> raise Enum.EmptyError
      list -> {Enum.min(list), Enum.max(list)}
    end
  end

  def intersperse(enumerable, separator) do
    case Enum.to_list(enumerable) do
      [] -> []
      [first | rest] -> [first | Enum.flat_map(rest, fn x -> [separator, x] end)]
    end
  end

  def unzip(enumerable) do
    {lefts, rights} =
      Enum.reduce(enumerable, {[], []}, fn {a, b}, {l, r} -> {[a | l], [b | r]} end)

    {:lists.reverse(lefts), :lists.reverse(rights)}
  end

  def zip_with(left, right, fun), do: zip_with_list(zip(left, right), fun, [])

  defp zip_with_list([{a, b} | rest], fun, acc), do: zip_with_list(rest, fun, [fun.(a, b) | acc])
  defp zip_with_list([], _fun, acc), do: :lists.reverse(acc)

  def chunk_by(enumerable, fun) do
    enumerable
    |> reduce([], fn x, acc ->
      key = fun.(x)

      case acc do
        [{^key, chunk} | rest] -> [{key, [x | chunk]} | rest]
        _ -> [{key, [x]} | acc]
      end
    end)
    |> reverse()
    |> map(fn {_, chunk} -> reverse(chunk) end)
  end

  def scan(enumerable, fun) do
    case Enum.to_list(enumerable) do
      [] -> []
      [first | rest] -> :lists.reverse(reduce_list(rest, [first], fn x, [last | _] = acc -> [fun.(x, last) | acc] end))
    end
  end

  def scan(enumerable, acc, fun) do
    {list, _} = map_reduce(enumerable, acc, fn x, acc -> y = fun.(x, acc); {y, y} end)
    list
  end

  def sum_by(enumerable, fun), do: reduce(enumerable, 0, fn x, acc -> acc + fun.(x) end)
  def dedup_by(enumerable, fun), do: map(chunk_by(enumerable, fun), &hd/1)

  def max(enumerable, empty_fallback) when is_function(empty_fallback, 0) do
    if empty?(enumerable), do: empty_fallback.(), else: max(enumerable)
  end

  def min(enumerable, empty_fallback) when is_function(empty_fallback, 0) do
    if empty?(enumerable), do: empty_fallback.(), else: min(enumerable)
  end

  def min_max(enumerable, empty_fallback \\ fn -> raise Enum.EmptyError end) do
    if empty?(enumerable), do: empty_fallback.(), else: {min(enumerable), max(enumerable)}
  end

  def min_max_by(enumerable, fun, empty_fallback \\ fn -> raise Enum.EmptyError end)
      when is_function(empty_fallback, 0) do
    if empty?(enumerable),
      do: empty_fallback.(),
      else: {min_by(enumerable, fun), max_by(enumerable, fun)}
  end

  def zip([]), do: []
  def zip(enumerables), do: zip_with(enumerables, &List.to_tuple/1)

  def zip_with([], _fun), do: []

  def zip_with(enumerables, fun) when is_function(fun, 1) do
    enumerables |> Enum.map(&Enum.to_list/1) |> zip_lists(fun, [])
  end

  defp zip_lists(lists, fun, acc) do
    if Enum.any?(lists, &(&1 == [])) do
      :lists.reverse(acc)
    else
      zip_lists(Enum.map(lists, &tl/1), fun, [fun.(Enum.map(lists, &hd/1)) | acc])
    end
  end

  def zip_reduce(left, right, acc, reducer) when is_function(reducer, 3) do
    reduce(zip(left, right), acc, fn {l, r}, acc -> reducer.(l, r, acc) end)
  end

  def zip_reduce(enumerables, acc, reducer) when is_function(reducer, 2) do
    reduce(zip_with(enumerables, & &1), acc, reducer)
  end

  def flat_map_reduce(enumerable, acc, fun) do
    {lists, acc} =
      reduce_while(enumerable, {[], acc}, fn x, {lists, acc} ->
        case fun.(x, acc) do
          {:halt, acc} -> {:halt, {lists, acc}}
          {list, acc} -> {:cont, {[Enum.to_list(list) | lists], acc}}
        end
      end)

    {Enum.reduce(lists, [], &(&1 ++ &2)), acc}
  end

  def map_every(enumerable, 1, fun), do: map(enumerable, fun)
  def map_every(enumerable, 0, _fun), do: Enum.to_list(enumerable)

  def map_every(enumerable, nth, fun) when is_integer(nth) and nth > 1 do
    enumerable
    |> with_index()
    |> map(fn {x, i} -> if rem(i, nth) == 0, do: fun.(x), else: x end)
  end

  def drop_every(enumerable, 0), do: Enum.to_list(enumerable)
  def drop_every(_enumerable, 1), do: []

  def drop_every(enumerable, nth) when is_integer(nth) and nth > 1 do
    for {x, i} <- with_index(enumerable), rem(i, nth) != 0, do: x
  end

  def map_intersperse(enumerable, separator, mapper) do
    enumerable |> map(mapper) |> intersperse(separator)
  end

  def count_until(enumerable, limit) when is_integer(limit) and limit > 0 do
    Kernel.min(count(enumerable), limit)
  end

  def count_until(enumerable, fun, limit) when is_integer(limit) and limit > 0 do
    Kernel.min(count(enumerable, fun), limit)
  end

  def reverse_slice(enumerable, start_index, count)
      when is_integer(start_index) and start_index >= 0 and is_integer(count) and count >= 0 do
    list = Enum.to_list(enumerable)
    {front, rest} = split(list, start_index)
    {middle, back} = split(rest, count)
    front ++ :lists.reverse(middle) ++ back
  end
end

defmodule Map do
  def merge(left, right, fun) do
    Enum.reduce(right, left, fn {key, value}, acc ->
      case Map.fetch(acc, key) do
        {:ok, existing} -> Map.put(acc, key, fun.(key, existing, value))
        :error -> Map.put(acc, key, value)
      end
    end)
  end

  def update(map, key, default, fun) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> Map.put(map, key, default)
    end
  end

  def update!(map, key, fun) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> raise KeyError, key: key, term: map
    end
  end

  def new(enumerable, fun), do: Map.new(Enum.map(enumerable, fun))
  def get_lazy(map, key, fun), do: (case Map.fetch(map, key) do {:ok, v} -> v; :error -> fun.() end)

  def put_new_lazy(map, key, fun) do
    if Map.has_key?(map, key), do: map, else: Map.put(map, key, fun.())
  end

  def filter(map, fun), do: Map.new(Enum.filter(map, fun))
  def reject(map, fun), do: Map.new(Enum.reject(map, fun))
  def map(map, fun), do: Map.new(Enum.map(map, fn {k, _} = kv -> {k, fun.(kv)} end))

  def get_and_update(map, key, fun) do
    case fun.(Map.get(map, key)) do
      {get, new} -> {get, Map.put(map, key, new)}
      :pop -> {Map.get(map, key), Map.delete(map, key)}
    end
  end

  def replace(map, key, value) do
    if Map.has_key?(map, key), do: Map.put(map, key, value), else: map
  end

  def replace_lazy(map, key, fun) do
    case Map.fetch(map, key) do
      {:ok, value} -> Map.put(map, key, fun.(value))
      :error -> map
    end
  end

  def pop!(map, key) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> raise KeyError, key: key, term: map
    end
  end

  def pop_lazy(map, key, fun) do
    case Map.fetch(map, key) do
      {:ok, value} -> {value, Map.delete(map, key)}
      :error -> {fun.(), map}
    end
  end

  def split(map, keys), do: {Map.take(map, keys), Map.drop(map, keys)}
  def from_keys(keys, value), do: Map.new(keys, &{&1, value})

  def get_and_update!(map, key, fun) do
    case Map.fetch(map, key) do
      {:ok, _} -> get_and_update(map, key, fun)
      :error -> raise KeyError, key: key, term: map
    end
  end
end

defmodule List do
  def flatten(list, tail), do: List.flatten(list) ++ tail
  # Only the first tuple whose element at `position` is `key` counts.
  def keydelete(list, key, position) do
    case key_index(list, key, position) do
      nil -> list
      index -> List.delete_at(list, index)
    end
  end

  def keystore(list, key, position, new) do
    case key_index(list, key, position) do
      nil -> list ++ [new]
      index -> List.replace_at(list, index, new)
    end
  end

  defp key_index(list, key, position) do
    Enum.find_index(list, &(is_tuple(&1) and tuple_size(&1) > position and elem(&1, position) == key))
  end

  def to_integer(charlist), do: String.to_integer(List.to_string(charlist))
  def starts_with?(list, prefix), do: Enum.take(list, length(prefix)) == prefix

  def foldl([head | tail], acc, fun), do: foldl(tail, fun.(head, acc), fun)
  def foldl([], acc, _fun), do: acc
  def foldr(list, acc, fun), do: Enum.reduce(:lists.reverse(list), acc, fun)
  def update_at(list, index, fun), do: List.replace_at(list, index, fun.(Enum.at(list, index)))

  def keyfind(list, key, position, default) do
    case List.keyfind(list, key, position) do
      nil -> default
      tuple -> tuple
    end
  end

  def keyfind!(list, key, position) do
    case List.keyfind(list, key, position) do
      nil -> raise KeyError, key: key, term: list, message: "key #{inspect(key)} at position #{inspect(position)} not found in: #{inspect(list)}"
      tuple -> tuple
    end
  end

  def keymember?(list, key, position), do: List.keyfind(list, key, position) != nil

  def keyreplace(list, key, position, new_tuple) do
    case key_index(list, key, position) do
      nil -> list
      index -> List.replace_at(list, index, new_tuple)
    end
  end

  def keytake(list, key, position) do
    case key_index(list, key, position) do
      nil -> nil
      index -> {Enum.at(list, index), List.delete_at(list, index)}
    end
  end

  def keysort(list, position, sorter \\ :asc) do
    Enum.sort_by(list, &elem(&1, position), sorter)
  end

  def pop_at(list, index, default \\ nil) do
    index = if index < 0, do: length(list) + index, else: index

    if index >= 0 and index < length(list),
      do: {Enum.at(list, index), List.delete_at(list, index)},
      else: {default, list}
  end

  def to_atom(charlist), do: String.to_atom(List.to_string(charlist))
  def to_charlist(list), do: String.to_charlist(List.to_string(list))
  def improper?(list) when is_list(list) and length(list) >= 0, do: false
  def improper?(list) when is_list(list), do: true

  def ascii_printable?(list, limit \\ :infinity) do
    list
    |> Enum.take(if limit == :infinity, do: length(list), else: limit)
    |> Enum.all?(&(is_integer(&1) and ((&1 >= 32 and &1 < 127) or &1 in [?\a, ?\b, ?\t, ?\n, ?\v, ?\f, ?\r, ?\e, 127])))
  end
end

defmodule Keyword do
  def get_values(keywords, key), do: for({^key, value} <- keywords, do: value)

  def put_new(keywords, key, value) do
    if Keyword.has_key?(keywords, key), do: keywords, else: [{key, value} | keywords]
  end

  def take(keywords, keys), do: for({key, _} = pair <- keywords, key in keys, do: pair)
  def drop(keywords, keys), do: for({key, _} = pair <- keywords, key not in keys, do: pair)

  def keyword?([]), do: true
  def keyword?([{key, _value} | rest]) when is_atom(key), do: keyword?(rest)
  def keyword?(_other), do: false

  def update([{key, current} | keywords], key, _default, fun),
    do: [{key, fun.(current)} | delete(keywords, key)]

  def update([{_, _} = pair | keywords], key, default, fun),
    do: [pair | update(keywords, key, default, fun)]

  def update([], key, default, _fun), do: [{key, default}]

  def new(), do: []
  def new(pairs), do: new(pairs, & &1)

  def new(pairs, transform) when is_function(transform, 1) do
    pairs
    |> Enum.reduce([], fn pair, acc ->
      {key, value} = transform.(pair)
      [{key, value} | delete(acc, key)]
    end)
    |> :lists.reverse()
  end

  def to_list(keywords) when is_list(keywords), do: keywords
  def from_keys(keys, value), do: Enum.map(keys, &{&1, value})

  def pop(keywords, key, default \\ nil) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> {default, keywords}
    end
  end

  def pop!(keywords, key) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> raise KeyError, key: key, term: keywords
    end
  end

  def pop_lazy(keywords, key, fun) do
    case fetch(keywords, key) do
      {:ok, value} -> {value, delete(keywords, key)}
      :error -> {fun.(), keywords}
    end
  end

  def pop_first(keywords, key, default \\ nil) do
    case List.keytake(keywords, key, 0) do
      {{^key, value}, rest} -> {value, rest}
      nil -> {default, keywords}
    end
  end

  def pop_values(keywords, key), do: {get_values(keywords, key), delete(keywords, key)}
  def delete_first(keywords, key), do: List.keydelete(keywords, key, 0)

  def get_lazy(keywords, key, fun) do
    case fetch(keywords, key) do
      {:ok, value} -> value
      :error -> fun.()
    end
  end

  def put_new_lazy(keywords, key, fun) do
    if has_key?(keywords, key), do: keywords, else: [{key, fun.()} | keywords]
  end

  def update!(keywords, key, fun) do
    if has_key?(keywords, key),
      do: update(keywords, key, nil, fun),
      else: raise(KeyError, key: key, term: keywords)
  end

  def replace(keywords, key, value) do
    if has_key?(keywords, key), do: replace_first(keywords, key, value), else: keywords
  end

  def replace!(keywords, key, value) do
    if has_key?(keywords, key),
      do: replace_first(keywords, key, value),
      else: raise(KeyError, key: key, term: keywords)
  end

  def replace_lazy(keywords, key, fun) do
    case fetch(keywords, key) do
      {:ok, value} -> replace_first(keywords, key, fun.(value))
      :error -> keywords
    end
  end

  # The first entry of `key` takes the value; later ones go.
  defp replace_first([{key, _} | rest], key, value), do: [{key, value} | delete(rest, key)]
  defp replace_first([pair | rest], key, value), do: [pair | replace_first(rest, key, value)]

  def filter(keywords, fun), do: Enum.filter(keywords, fun)
  def reject(keywords, fun), do: Enum.reject(keywords, fun)
  def map(keywords, fun), do: Enum.map(keywords, fn {key, _} = pair -> {key, fun.(pair)} end)

  def merge(keywords1, keywords2, fun), do: merge_with(keywords2, [], keywords1, keywords1, fun)

  defp merge_with([{key, value2} | rest], acc, left, original, fun) do
    case List.keyfind(original, key, 0) do
      {^key, value1} ->
        original = List.keydelete(List.keydelete(original, key, 0), key, 0)
        merge_with(rest, [{key, fun.(key, value1, value2)} | acc], delete(left, key), original, fun)

      nil ->
        merge_with(rest, [{key, value2} | acc], delete(left, key), original, fun)
    end
  end

  defp merge_with([], acc, left, _original, _fun), do: left ++ :lists.reverse(acc)

  def split(keywords, keys), do: Enum.split_with(keywords, fn {key, _} -> key in keys end)

  def equal?(left, right), do: :lists.sort(left) == :lists.sort(right)

  def get_and_update(keywords, key, fun), do: get_and_update(keywords, [], key, fun)

  defp get_and_update([{key, current} | rest], acc, key, fun) do
    case fun.(current) do
      {get, value} -> {get, :lists.reverse(acc, [{key, value} | rest])}
      :pop -> {current, :lists.reverse(acc, rest)}
    end
  end

  defp get_and_update([{_, _} = pair | rest], acc, key, fun),
    do: get_and_update(rest, [pair | acc], key, fun)

  defp get_and_update([], acc, key, fun) do
    case fun.(nil) do
      {get, value} -> {get, [{key, value} | :lists.reverse(acc)]}
      :pop -> {nil, :lists.reverse(acc)}
    end
  end

  def get_and_update!(keywords, key, fun) do
    if has_key?(keywords, key),
      do: get_and_update(keywords, key, fun),
      else: raise(KeyError, key: key, term: keywords)
  end
end

defmodule MapSet do
  defstruct map: %{}, version: 2

  def new(), do: %MapSet{}
  def new(%MapSet{} = map_set), do: map_set
  def new(enumerable), do: %MapSet{map: Map.new(Enum.to_list(enumerable), &{&1, []})}
  def new(enumerable, transform), do: new(Enum.map(enumerable, transform))

  def put(%MapSet{map: map} = set, value), do: %{set | map: Map.put(map, value, [])}
  def delete(%MapSet{map: map} = set, value), do: %{set | map: Map.delete(map, value)}
  def member?(%MapSet{map: map}, value), do: is_map_key(map, value)
  def size(%MapSet{map: map}), do: map_size(map)
  def to_list(%MapSet{map: map}), do: Map.keys(map)

  def union(%MapSet{map: map1}, %MapSet{map: map2}), do: %MapSet{map: Map.merge(map1, map2)}

  def intersection(%MapSet{map: map1}, %MapSet{map: map2}),
    do: %MapSet{map: Map.take(map1, Map.keys(map2))}

  def difference(%MapSet{map: map1}, %MapSet{map: map2}),
    do: %MapSet{map: Map.drop(map1, Map.keys(map2))}

  def symmetric_difference(%MapSet{} = set1, %MapSet{} = set2),
    do: union(difference(set1, set2), difference(set2, set1))

  def subset?(%MapSet{map: map1}, %MapSet{map: map2}),
    do: Enum.all?(Map.keys(map1), &is_map_key(map2, &1))

  def disjoint?(%MapSet{map: map1}, %MapSet{map: map2}),
    do: not Enum.any?(Map.keys(map1), &is_map_key(map2, &1))

  def equal?(%MapSet{map: map1}, %MapSet{map: map2}), do: map1 === map2
  def filter(%MapSet{map: map}, fun), do: %MapSet{map: Map.filter(map, fn {k, _} -> fun.(k) end)}
  def reject(%MapSet{map: map}, fun), do: %MapSet{map: Map.reject(map, fn {k, _} -> fun.(k) end)}
end
