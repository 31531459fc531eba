#pragma once
// Tables declared by their columns. Each column is written down once, with its
// name, type, rounding and how to read its cell from a row; the Table built
// from the declarations is what the CSV writer, the GeoJSON writer (its
// properties) and the report (through published_cells) all read, so no list of
// column names can fall out of step with a list of cells.
//
// Disclosure control (analysis/disclosure) hooks in here, once for every table:
//  - a count column (`count_of`) of a theme with min_count m shows "<m" when
//    its count is withheld as a primary suppression and "[c]" as a secondary
//    one. Without a decision of its own it gets primary suppression of its
//    value; a count that is one cell of an additive table passes the decision
//    the table's secondary suppression made (`withheld`).
//  - a derived column (`derived_from`) is withheld ("[c]") in every row where a
//    count column it is derived from is, and (`withheld_with`) where an input
//    that is not itself a column (a total, a baseline sum) is.
//  - a column not applicable to a row (`applies` false) is null there, and is
//    never shown as withheld: there is nothing to withhold.
// A withheld cell keeps why it was withheld (Cell::withheld): tables show
// withheld_text, layers a null, and the ledger tallies the states.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/disclosure.hpp"
#include "core/error.hpp"
#include "io/table.hpp"

namespace hotspot {

template <class Row>
struct TableColumn {
  using CellOf = std::function<Cell(const Row&)>;
  using Test = std::function<bool(const Row&)>;

  std::string name;
  CellType type = CellType::Text;
  int decimals = 2;  // Real only
  CellOf cell;
  // Disclosure, as above.
  bool count = false;                               // a count of a theme with min_count count_min
  int count_min = 0;
  std::function<Withheld(const Row&)> withheld;     // a count's decision; empty: primary suppression
  std::vector<std::string> sources;                 // the count columns a derived column comes from
  Test withheld_when;                               // withheld with an input that is not a column
  Test applies;                                     // empty: every row

  TableColumn& count_of(int min_count, std::function<Withheld(const Row&)> decision = {}) {
    count = true;
    count_min = min_count;
    withheld = std::move(decision);
    return *this;
  }
  TableColumn& derived_from(std::vector<std::string> counts) {
    sources = std::move(counts);
    return *this;
  }
  TableColumn& withheld_with(Test test) {
    withheld_when = std::move(test);
    return *this;
  }
  TableColumn& only_when(Test test) {
    applies = std::move(test);
    return *this;
  }
  bool is_count() const { return count; }
};

// The columns of one table, in the order they are published.
template <class Row>
class TableColumns {
 public:
  using CellOf = typename TableColumn<Row>::CellOf;

  TableColumn<Row>& add(std::string name, CellType type, CellOf cell) { return add(std::move(name), type, 2, std::move(cell)); }
  TableColumn<Row>& add(std::string name, CellType type, int decimals, CellOf cell) {
    columns_.push_back(TableColumn<Row>{std::move(name), type, decimals, std::move(cell), false, 0, {}, {}, {}, {}});
    return columns_.back();
  }

  const std::vector<TableColumn<Row>>& columns() const { return columns_; }
  std::size_t size() const { return columns_.size(); }

  // The names of the count columns, for tally_table (the disclosure ledger).
  std::vector<std::string> count_columns() const {
    std::vector<std::string> out;
    for (const TableColumn<Row>& c : columns_)
      if (c.is_count()) out.push_back(c.name);
    return out;
  }

  // An empty table with these columns.
  Table header() const {
    Table t;
    for (const TableColumn<Row>& c : columns_) t.add_column(c.name, c.type, c.decimals);
    return t;
  }

  // One row per entry of `rows`, disclosure control applied.
  Table build(const std::vector<Row>& rows) const {
    Table t = header();
    t.rows.reserve(rows.size());
    const std::vector<std::vector<std::size_t>> sources = source_indexes();
    for (const Row& r : rows) t.rows.push_back(cells_of(r, sources));
    return t;
  }

 private:
  std::vector<Cell> cells_of(const Row& row, const std::vector<std::vector<std::size_t>>& sources) const {
    std::vector<Withheld> state(columns_.size(), Withheld::No);
    std::vector<Cell> cells(columns_.size());
    std::vector<char> applicable(columns_.size(), 1);
    for (std::size_t i = 0; i < columns_.size(); ++i) {  // counts first: derived columns may stand before them
      const TableColumn<Row>& c = columns_[i];
      applicable[i] = !c.applies || c.applies(row);
      if (!c.is_count() || !applicable[i]) continue;
      cells[i] = c.cell(row);
      state[i] = c.withheld ? c.withheld(row) : primary_state(cells[i], c.count_min);
      if (state[i] != Withheld::No) cells[i] = Cell::hidden(state[i], c.count_min);
    }
    for (std::size_t i = 0; i < columns_.size(); ++i) {
      const TableColumn<Row>& c = columns_[i];
      if (c.is_count()) continue;
      if (!applicable[i]) continue;  // stays null
      bool hide = c.withheld_when && c.withheld_when(row);
      for (std::size_t s : sources[i]) hide = hide || state[s] != Withheld::No;
      cells[i] = hide ? Cell::hidden(Withheld::Derived) : c.cell(row);
    }
    return cells;
  }

  static Withheld primary_state(const Cell& cell, int min_count) {
    const double v = cell.kind == Cell::Kind::Integer ? static_cast<double>(cell.i)
                     : cell.kind == Cell::Kind::Real  ? cell.d
                                                      : 0.0;
    return primary_suppressed(v, min_count) ? Withheld::Primary : Withheld::No;
  }

  // Each derived column's sources as column indexes.
  std::vector<std::vector<std::size_t>> source_indexes() const {
    std::vector<std::vector<std::size_t>> resolved(columns_.size());
    for (std::size_t i = 0; i < columns_.size(); ++i)
      for (const std::string& name : columns_[i].sources) {
        std::size_t j = 0;
        while (j < columns_.size() && columns_[j].name != name) ++j;
        if (j == columns_.size() || !columns_[j].is_count())
          throw internal_error("table", columns_[i].name + " is derived from " + name + ", not a count column");
        resolved[i].push_back(j);
      }
    return resolved;
  }

  std::vector<TableColumn<Row>> columns_;
};

}  // namespace hotspot
