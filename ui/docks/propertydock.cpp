// SPDX-License-Identifier: MIT
#include "propertydock.h"

#include "commands/renamecommand.h"
#include "commands/setdesigninfocommand.h"
#include "commands/setkindcommand.h"
#include "commands/setpropertycommand.h"
#include "committextedit.h"
#include "design/design.h"
#include "design/kinds.h"
#include "design/reading.h"
#include "propertyfield.h"
#include "style/kindicons.h"
#include "style/theme.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMetaObject>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QUndoStack>
#include <QVBoxLayout>

using Kinds::PropertySpec;

namespace {

// A choice among named values, edited with a combo box.
PropertySpec enumSpec(
    const QString &name, const QString &displayName, QStringList values, const QString &description)
{
    PropertySpec spec;
    spec.name = name;
    spec.displayName = displayName;
    spec.type = Kinds::PropertyType::Enum;
    spec.values = std::move(values);
    spec.description = description;
    return spec;
}

PropertySpec protocolSpec()
{
    QStringList names;
    for (const Kinds::ProtocolSpec &p : Kinds::protocols())
        names.append(p.name);
    return enumSpec(QStringLiteral("protocol"),
        QCoreApplication::translate("PropertyDock", "Protocol"),
        names,
        QCoreApplication::translate("PropertyDock", "What the caller speaks to the callee."));
}

// The kind is edited like an Enum property, so that a wrong reading of an imported diagram is
// corrected in one click.
PropertySpec kindSpec()
{
    QStringList names;
    for (const Kinds::KindSpec &k : Kinds::all())
        names.append(k.name);
    return enumSpec(QStringLiteral("kind"),
        QCoreApplication::translate("PropertyDock", "Kind"),
        names,
        QCoreApplication::translate(
            "PropertyDock", "What the component is; the analysis gives each kind its meaning."));
}

// What the form was built for: each selected component's kind, and whether a guess is shown.
QString formKey(const Design *design, const QList<ElementId> &ids)
{
    QStringList parts;
    for (const ElementId &id : ids) {
        if (const Component *c = design->component(id))
            parts.append(c->kind
                + (Reading::kindGuess(*c).isEmpty() && Reading::roleGuess(*c).isEmpty()
                        ? QStringLiteral(":")
                        : QStringLiteral(":guess")));
        // A link's form has a port field only for a protocol that has ports (not VRRP).
        if (const Link *l = design->link(id)) {
            const Kinds::ProtocolSpec *p = Kinds::findProtocol(l->protocol);
            parts.append(!p || p->hasPort ? QStringLiteral("port") : QStringLiteral("noport"));
        }
    }
    return parts.join(u',');
}

PropertySpec portSpec()
{
    PropertySpec spec;
    spec.name = QStringLiteral("port");
    spec.displayName = QCoreApplication::translate("PropertyDock", "Port");
    spec.type = Kinds::PropertyType::Int;
    spec.minimum = 0; // 0: none (a file share, a local socket)
    spec.maximum = 65535;
    spec.description
        = QCoreApplication::translate("PropertyDock", "The TCP or UDP port the callee listens on.");
    return spec;
}

bool sameSpec(const PropertySpec &a, const PropertySpec &b)
{
    return a.name == b.name && a.type == b.type && a.values == b.values && a.minimum == b.minimum
        && a.maximum == b.maximum;
}

// "web server" → "2 web servers" for the heading of a multi-selection.
QString plural(const QString &displayName, qsizetype count)
{
    const QString lower = displayName.front().toLower() + displayName.mid(1);
    static const QStringList uncountable{ QStringLiteral("dns"),
        QStringLiteral("cdn"),
        QStringLiteral("monitoring"),
        QStringLiteral("generic") };
    if (uncountable.contains(lower))
        return QStringLiteral("%1 × %2").arg(count).arg(displayName);
    if (lower.endsWith(u's'))
        return QStringLiteral("%1 %2").arg(count).arg(lower);
    return QStringLiteral("%1 %2s").arg(count).arg(lower);
}

} // namespace

PropertyDock::PropertyDock(Design *design, QUndoStack *stack, QWidget *parent)
    : QDockWidget(tr("Properties"), parent)
    , m_design(design)
    , m_stack(stack)
    , m_scroll(new QScrollArea)
{
    setObjectName(QStringLiteral("PropertyDock"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWidget(m_scroll);

    connect(m_design, &Design::componentChanged, this, &PropertyDock::elementChanged);
    connect(m_design, &Design::hostChanged, this, &PropertyDock::elementChanged);
    connect(m_design, &Design::linkChanged, this, &PropertyDock::elementChanged);
    connect(m_design, &Design::componentRemoved, this, &PropertyDock::elementRemoved);
    connect(m_design, &Design::hostRemoved, this, &PropertyDock::elementRemoved);
    connect(m_design, &Design::linkRemoved, this, &PropertyDock::elementRemoved);
    connect(m_design, &Design::metaChanged, this, [this] {
        if (m_subject == Subject::Design)
            refresh();
    });
    // Component references list every component; counts summarise the design.
    for (const auto signal : { &Design::componentAdded, &Design::hostAdded, &Design::linkAdded })
        connect(m_design, signal, this, &PropertyDock::refresh);
    connect(m_design, &Design::designReset, this, [this] {
        QList<ElementId> kept;
        for (const ElementId &id : std::as_const(m_ids)) {
            if (m_design->contains(id))
                kept.append(id);
        }
        m_ids = kept;
        rebuild();
    });
    rebuild();
}

void PropertyDock::setSelection(const QList<ElementId> &ids)
{
    if (ids == m_ids)
        return;
    m_ids = ids;
    rebuild();
}

QWidget *PropertyDock::editor(const QString &name) const
{
    for (PropertyField *field : m_fields) {
        if (field->spec().name == name)
            return field->widget();
    }
    if (name == QLatin1String("label"))
        return m_label;
    if (name == QLatin1String("name"))
        return m_name;
    if (name == QLatin1String("domain"))
        return m_domain;
    if (name == QLatin1String("description"))
        return m_description;
    return nullptr;
}

QString PropertyDock::title() const
{
    return m_title ? m_title->text() : QString();
}

void PropertyDock::rebuild()
{
    qsizetype components = 0, hosts = 0, links = 0;
    for (const ElementId &id : std::as_const(m_ids)) {
        components += m_design->component(id) != nullptr;
        hosts += m_design->host(id) != nullptr;
        links += m_design->link(id) != nullptr;
    }
    const qsizetype n = m_ids.size();
    if (n == 0)
        m_subject = Subject::Design;
    else if (components == n)
        m_subject = Subject::Components;
    else if (hosts == n)
        m_subject = Subject::Hosts;
    else if (links == n)
        m_subject = Subject::Links;
    else
        m_subject = Subject::Mixed;

    m_fields.clear();
    m_label = nullptr;
    m_name = m_domain = nullptr;
    m_description = nullptr;
    m_summary = nullptr;
    m_title = m_subtitle = nullptr;

    m_page = new QWidget;
    auto *outer = new QVBoxLayout(m_page);
    outer->setContentsMargins(12, 10, 12, 12);
    outer->setSpacing(8);
    auto *formHolder = new QWidget;
    m_form = new QFormLayout(formHolder);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setHorizontalSpacing(12);
    m_form->setVerticalSpacing(7);

    if (m_subject == Subject::Design)
        buildDesignForm();
    else
        buildElementForm();

    outer->addWidget(formHolder);
    outer->addStretch(1);
    m_scroll->setWidget(m_page); // deletes the previous page and its editors
    refresh();
}

void PropertyDock::buildHeader(
    const QIcon &icon, const QString &title, const QString &subtitle, const QString &description)
{
    auto *outer = static_cast<QVBoxLayout *>(m_page->layout());
    auto *row = new QHBoxLayout;
    row->setSpacing(10);
    if (!icon.isNull()) {
        auto *iconLabel = new QLabel;
        const int size = 36;
        iconLabel->setPixmap(icon.pixmap(QSize(size, size), devicePixelRatioF()));
        iconLabel->setFixedSize(size, size);
        row->addWidget(iconLabel, 0, Qt::AlignTop);
    }
    auto *texts = new QVBoxLayout;
    texts->setSpacing(1);
    m_title = new QLabel(title);
    m_title->setObjectName(QStringLiteral("propertyTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    texts->addWidget(m_title);
    m_subtitle = new QLabel(subtitle);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setWordWrap(true);
    texts->addWidget(m_subtitle);
    row->addLayout(texts, 1);
    outer->addLayout(row);
    if (!description.isEmpty()) {
        auto *about = new QLabel(description);
        about->setWordWrap(true);
        about->setForegroundRole(QPalette::PlaceholderText);
        outer->addWidget(about);
    }
}

void PropertyDock::addSection(const QString &text)
{
    auto *label = new QLabel(text.toUpper());
    label->setFont(Theme::sectionFont(label->font()));
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setContentsMargins(0, m_form->rowCount() == 0 ? 2 : 10, 0, 0);
    m_form->addRow(label);
}

PropertyField *PropertyDock::addField(const PropertySpec &spec)
{
    auto *field = new PropertyField(spec, m_page);
    auto *label = new QLabel(spec.displayName);
    label->setToolTip(spec.description);
    label->setBuddy(field->widget());
    m_form->addRow(label, field->widget());
    connect(field, &PropertyField::edited, this, &PropertyDock::applyProperty);
    m_fields.append(field);
    return field;
}

void PropertyDock::buildDesignForm()
{
    buildHeader(QIcon(),
        tr("Design"),
        tr("Nothing selected: select a component, host or link to edit it."),
        QString());
    addSection(tr("About this design"));
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("e.g. Online shop"));
    m_form->addRow(tr("Name"), m_name);
    m_domain = new QLineEdit;
    m_domain->setObjectName(QStringLiteral("domain"));
    m_domain->setPlaceholderText(tr("e.g. www.example.com"));
    m_form->addRow(tr("Domain"), m_domain);
    m_description = new CommitTextEdit;
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setPlaceholderText(tr("What this design is for"));
    m_description->setMinimumHeight(90);
    m_description->setMaximumHeight(160);
    m_form->addRow(tr("Description"), m_description);
    m_summary = new QLabel;
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setWordWrap(true);
    addSection(tr("Contents"));
    m_form->addRow(m_summary);

    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        applyInfo(QStringLiteral("name"), m_name->text().trimmed());
    });
    connect(m_domain, &QLineEdit::editingFinished, this, [this] {
        applyInfo(QStringLiteral("domain"), m_domain->text().trimmed());
    });
    connect(m_description, &CommitTextEdit::editingFinished, this, [this](const QString &text) {
        applyInfo(QStringLiteral("description"), text);
    });
}

void PropertyDock::buildElementForm()
{
    const qsizetype n = m_ids.size();
    const ElementId &first = m_ids.constFirst();
    switch (m_subject) {
    case Subject::Components: {
        const Component *c = m_design->component(first);
        const Kinds::KindSpec *kind = Kinds::find(c->kind);
        bool sameKind = true;
        for (const ElementId &id : std::as_const(m_ids))
            sameKind = sameKind && m_design->component(id)->kind == c->kind;
        const QIcon icon = kind && sameKind ? KindIcons::icon(*kind) : QIcon();
        const QString kindName = kind ? kind->displayName : c->kind;
        if (n == 1)
            buildHeader(icon,
                c->label,
                tr("%1 · %2").arg(kindName, c->id),
                kind ? kind->description : QString());
        else if (sameKind)
            buildHeader(icon, plural(kindName, n), tr("Edits apply to all %1").arg(n), QString());
        else
            buildHeader(icon,
                tr("%1 components").arg(n),
                tr("Only the properties they share are shown"),
                QString());
        break;
    }
    case Subject::Hosts: {
        const Host *h = m_design->host(first);
        buildHeader(KindIcons::hostIcon(),
            n == 1 ? h->label : tr("%1 hosts").arg(n),
            n == 1 ? tr("Host · %1").arg(h->id) : tr("Edits apply to all %1").arg(n),
            n == 1 ? tr("A machine: the components inside it fail together.") : QString());
        break;
    }
    case Subject::Links: {
        const Link *l = m_design->link(first);
        const QString title
            = n == 1 ? tr("%1 → %2").arg(labelOf(l->from), labelOf(l->to)) : tr("%1 links").arg(n);
        buildHeader(QIcon(),
            title,
            n == 1 ? tr("Link · %1").arg(l->id) : tr("Edits apply to all %1").arg(n),
            n == 1 ? tr("The caller on the left sends requests to the callee on the "
                        "right.")
                   : QString());
        break;
    }
    case Subject::Mixed:
    case Subject::Design:
        buildHeader(QIcon(),
            tr("%1 items").arg(n),
            tr("Components, hosts and links"),
            tr("Select elements of one type to edit their properties together."));
        return;
    }

    addSection(tr("General"));
    m_label = new QLineEdit;
    m_label->setObjectName(QStringLiteral("label"));
    if (m_subject == Subject::Links)
        m_label->setPlaceholderText(tr("Optional text shown on the link"));
    m_form->addRow(tr("Label"), m_label);
    if (n > 1) {
        m_label->setEnabled(false);
        m_label->setPlaceholderText(tr("%1 selected").arg(n));
    } else {
        connect(m_label, &QLineEdit::editingFinished, this, &PropertyDock::applyLabel);
    }
    if (m_subject == Subject::Components) {
        PropertyField *kind = addField(kindSpec());
        QHash<QString, QString> names;
        for (const Kinds::KindSpec &k : Kinds::all())
            names.insert(k.name, k.displayName);
        kind->setValueLabels(names);
        const Component *c = m_design->component(first);
        const QString kindGuess = n == 1 ? Reading::kindGuess(*c) : QString();
        const QString roleGuess = n == 1 ? Reading::roleGuess(*c) : QString();
        if (!kindGuess.isEmpty() || !roleGuess.isEmpty()) {
            QStringList notes;
            for (const QString &note : { kindGuess, roleGuess }) {
                if (!note.isEmpty())
                    notes.append(note.front().toUpper() + note.mid(1));
            }
            auto *guess = new QLabel(tr("%1. Choose the kind or role to confirm it or correct it.")
                                         .arg(notes.join(QStringLiteral(". "))));
            guess->setObjectName(QStringLiteral("readingGuess"));
            guess->setWordWrap(true);
            guess->setForegroundRole(QPalette::PlaceholderText);
            m_form->addRow(guess);
        }
    }
    m_formKey = formKey(m_design, m_ids);

    const QList<PropertySpec> specs = sharedSpecs();
    if (m_subject == Subject::Links) {
        PropertyField *protocol = addField(protocolSpec());
        QHash<QString, QString> labels;
        for (const Kinds::ProtocolSpec &p : Kinds::protocols())
            labels.insert(p.name, p.displayName);
        protocol->setValueLabels(labels);
        // A heartbeat (VRRP is IP protocol 112) or a local file access has no port to edit.
        bool ports = true;
        for (const ElementId &id : std::as_const(m_ids)) {
            const Link *l = m_design->link(id);
            const Kinds::ProtocolSpec *p = l ? Kinds::findProtocol(l->protocol) : nullptr;
            ports = ports && (!p || p->hasPort);
        }
        if (ports)
            addField(portSpec());
    }
    if (!specs.isEmpty())
        addSection(m_subject == Subject::Links
                ? tr("Traffic")
                : (m_subject == Subject::Hosts ? tr("Machine") : tr("Properties")));
    for (const PropertySpec &spec : specs)
        addField(spec);
}

QList<PropertySpec> PropertyDock::sharedSpecs() const
{
    if (m_subject == Subject::Hosts)
        return Kinds::hostProperties();
    if (m_subject == Subject::Links)
        return Kinds::linkProperties();
    if (m_subject != Subject::Components)
        return {};
    QList<PropertySpec> shared;
    bool firstKind = true;
    for (const ElementId &id : std::as_const(m_ids)) {
        const Kinds::KindSpec *kind = Kinds::find(m_design->component(id)->kind);
        const QList<PropertySpec> specs = kind ? kind->properties : QList<PropertySpec>();
        if (firstKind) {
            shared = specs;
            firstKind = false;
            continue;
        }
        shared.removeIf([&specs](const PropertySpec &s) {
            return std::none_of(specs.cbegin(), specs.cend(), [&s](const PropertySpec &o) {
                return sameSpec(s, o);
            });
        });
    }
    return shared;
}

QVariant PropertyDock::valueOf(const ElementId &id, const QString &name) const
{
    if (const Component *c = m_design->component(id))
        return name == QLatin1String("kind") ? QVariant(c->kind) : c->props.value(name);
    if (const Host *h = m_design->host(id))
        return h->props.value(name);
    if (const Link *l = m_design->link(id)) {
        if (name == QLatin1String("protocol"))
            return l->protocol;
        if (name == QLatin1String("port"))
            return l->port;
        return l->props.value(name);
    }
    return {};
}

QString PropertyDock::labelOf(const ElementId &id) const
{
    if (const Component *c = m_design->component(id))
        return c->label.isEmpty() ? c->id : c->label;
    if (const Host *h = m_design->host(id))
        return h->label.isEmpty() ? h->id : h->label;
    if (const Link *l = m_design->link(id))
        return l->label;
    return id;
}

void PropertyDock::refresh()
{
    if (m_subject == Subject::Design) {
        if (!m_name)
            return;
        const DesignData &d = m_design->data();
        if (!(m_name->hasFocus() && m_name->isModified()))
            m_name->setText(d.name);
        if (!(m_domain->hasFocus() && m_domain->isModified()))
            m_domain->setText(d.domain);
        m_name->setModified(false);
        m_domain->setModified(false);
        m_description->setCommittedText(d.description);
        m_summary->setText(QStringLiteral("%1 · %2 · %3")
                               .arg(tr("%n component(s)", nullptr, int(d.components.size())),
                                   tr("%n host(s)", nullptr, int(d.hosts.size())),
                                   tr("%n link(s)", nullptr, int(d.links.size()))));
        return;
    }
    if (m_label && m_ids.size() == 1 && !(m_label->hasFocus() && m_label->isModified())) {
        const ElementId &id = m_ids.constFirst();
        const Link *link = m_design->link(id);
        m_label->setText(link ? link->label : labelOf(id));
        m_label->setModified(false);
        if (m_subject != Subject::Links && m_title)
            m_title->setText(labelOf(id));
    }
    QList<QPair<QString, QString>> components;
    for (const Component &c : m_design->data().components) {
        // A component cannot refer to itself (its own peer or DNS target).
        if (!m_ids.contains(c.id))
            components.append({ c.id, c.label });
    }
    for (PropertyField *field : std::as_const(m_fields)) {
        if (field->spec().type == Kinds::PropertyType::ComponentRef)
            field->setComponentChoices(components);
        QVariantList values;
        for (const ElementId &id : std::as_const(m_ids))
            values.append(valueOf(id, field->spec().name));
        field->setValues(values);
    }
}

void PropertyDock::applyProperty(const QString &name, const QVariant &value)
{
    if (!m_ids.isEmpty() && name == QLatin1String("kind") && m_subject == Subject::Components)
        m_stack->push(new SetKindCommand(m_design, m_ids, value.toString()));
    else if (!m_ids.isEmpty())
        m_stack->push(new SetPropertyCommand(m_design, m_ids, name, value));
    // A refused value leaves the model as it was: show the model's value again.
    refresh();
}

void PropertyDock::applyLabel()
{
    if (m_ids.size() != 1 || !m_label->isModified())
        return;
    m_label->setModified(false);
    const ElementId id = m_ids.constFirst();
    const Link *link = m_design->link(id);
    const QString current = link ? link->label : labelOf(id);
    const QString text = m_label->text().trimmed();
    if (text != current && (link || !text.isEmpty()))
        m_stack->push(new RenameCommand(m_design, id, text));
    refresh();
}

void PropertyDock::applyInfo(const QString &field, const QString &value)
{
    const DesignData &d = m_design->data();
    const QString current = field == QLatin1String("name")
        ? d.name
        : (field == QLatin1String("domain") ? d.domain : d.description);
    if (value != current)
        m_stack->push(new SetDesignInfoCommand(m_design, field, value));
}

void PropertyDock::elementChanged(const ElementId &id)
{
    if (!m_ids.contains(id))
        return;
    // Another kind has other properties, another protocol may have no port: build the form
    // again, once the edit that changed it has returned (its editor is part of the form).
    if ((m_subject == Subject::Components || m_subject == Subject::Links)
        && formKey(m_design, m_ids) != m_formKey) {
        m_formKey = formKey(m_design, m_ids);
        QMetaObject::invokeMethod(this, &PropertyDock::rebuild, Qt::QueuedConnection);
        return;
    }
    refresh();
}

void PropertyDock::elementRemoved(const ElementId &id)
{
    if (m_ids.removeAll(id) > 0)
        rebuild();
    else
        refresh();
}
