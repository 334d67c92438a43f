// SPDX-License-Identifier: MIT
#include "palettedock.h"

#include "design/kinds.h"
#include "palettelist.h"
#include "style/kindicons.h"
#include "style/theme.h"

#include <QLineEdit>
#include <QVBoxLayout>

namespace {

QListWidgetItem *makeEntry(
    const QIcon &icon, const QString &text, const QString &kind, const QString &toolTip)
{
    auto *item = new QListWidgetItem(icon, text);
    item->setData(PaletteList::KindRole, kind);
    item->setToolTip(toolTip);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    return item;
}

QListWidgetItem *makeHeading(const QString &text)
{
    auto *item = new QListWidgetItem(text.toUpper());
    item->setFont(Theme::sectionFont(item->font()));
    item->setFlags(Qt::ItemIsEnabled);
    item->setData(Qt::AccessibleTextRole, text);
    return item;
}

} // namespace

QString PaletteDock::hostKind()
{
    return QStringLiteral("host");
}

PaletteDock::PaletteDock(QWidget *parent)
    : QDockWidget(tr("Palette"), parent)
    , m_filter(new QLineEdit)
    , m_list(new PaletteList)
{
    setObjectName(QStringLiteral("PaletteDock"));
    m_filter->setPlaceholderText(tr("Filter"));
    m_filter->setClearButtonEnabled(true);
    m_list->setIconSize(QSize(28, 28));
    m_list->setSpacing(1);
    // One surface with the rest of the dock, like the inspector beside the canvas.
    m_list->viewport()->setBackgroundRole(QPalette::Window);
    m_list->setBackgroundRole(QPalette::Window);

    m_list->addItem(makeHeading(tr("Components")));
    for (const Kinds::KindSpec &kind : Kinds::all()) {
        const QString tip
            = QStringLiteral("<b>%1</b><br>%2")
                  .arg(kind.displayName.toHtmlEscaped(), kind.description.toHtmlEscaped());
        m_list->addItem(makeEntry(KindIcons::icon(kind), kind.displayName, kind.name, tip));
    }
    m_list->addItem(makeHeading(tr("Machines")));
    m_list->addItem(makeEntry(KindIcons::hostIcon(),
        tr("Host (server)"),
        hostKind(),
        tr("<b>Host</b><br>A machine: the components inside it fail "
           "together.")));

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    setWidget(content);

    connect(m_filter, &QLineEdit::textChanged, this, &PaletteDock::applyFilter);
    connect(m_list, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString kind = item->data(PaletteList::KindRole).toString();
        if (!kind.isEmpty())
            Q_EMIT kindActivated(kind);
    });
}

void PaletteDock::applyFilter(const QString &text)
{
    const QString needle = text.trimmed();
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem *item = m_list->item(row);
        const bool heading = item->data(PaletteList::KindRole).toString().isEmpty();
        const bool match = needle.isEmpty()
            || (!heading
                && (item->text().contains(needle, Qt::CaseInsensitive)
                    || item->toolTip().contains(needle, Qt::CaseInsensitive)));
        item->setHidden(!match);
    }
}
