# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'shift_review.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QSplitter, QTableView, QVBoxLayout,
    QWidget)

class Ui_ShiftReview(object):
    def setupUi(self, ShiftReview):
        if not ShiftReview.objectName():
            ShiftReview.setObjectName(u"ShiftReview")
        ShiftReview.resize(1000, 700)
        self.main_layout = QVBoxLayout(ShiftReview)
        self.main_layout.setObjectName(u"main_layout")
        self.period_layout = QHBoxLayout()
        self.period_layout.setObjectName(u"period_layout")
        self.date_label = QLabel(ShiftReview)
        self.date_label.setObjectName(u"date_label")

        self.period_layout.addWidget(self.date_label)

        self.date_edit = QDateEdit(ShiftReview)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.period_layout.addWidget(self.date_edit)

        self.shift_label = QLabel(ShiftReview)
        self.shift_label.setObjectName(u"shift_label")

        self.period_layout.addWidget(self.shift_label)

        self.shift_combo = QComboBox(ShiftReview)
        self.shift_combo.setObjectName(u"shift_combo")

        self.period_layout.addWidget(self.shift_combo)

        self.open_check = QCheckBox(ShiftReview)
        self.open_check.setObjectName(u"open_check")

        self.period_layout.addWidget(self.open_check)

        self.held_check = QCheckBox(ShiftReview)
        self.held_check.setObjectName(u"held_check")

        self.period_layout.addWidget(self.held_check)

        self.over_check = QCheckBox(ShiftReview)
        self.over_check.setObjectName(u"over_check")

        self.period_layout.addWidget(self.over_check)

        self.differs_check = QCheckBox(ShiftReview)
        self.differs_check.setObjectName(u"differs_check")

        self.period_layout.addWidget(self.differs_check)

        self.search_label = QLabel(ShiftReview)
        self.search_label.setObjectName(u"search_label")

        self.period_layout.addWidget(self.search_label)

        self.search_edit = QLineEdit(ShiftReview)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMaxLength(40)

        self.period_layout.addWidget(self.search_edit)


        self.main_layout.addLayout(self.period_layout)

        self.filter_layout = QHBoxLayout()
        self.filter_layout.setObjectName(u"filter_layout")
        self.direction_combo = QComboBox(ShiftReview)
        self.direction_combo.setObjectName(u"direction_combo")

        self.filter_layout.addWidget(self.direction_combo)

        self.mode_combo = QComboBox(ShiftReview)
        self.mode_combo.setObjectName(u"mode_combo")

        self.filter_layout.addWidget(self.mode_combo)

        self.cargo_combo = QComboBox(ShiftReview)
        self.cargo_combo.setObjectName(u"cargo_combo")

        self.filter_layout.addWidget(self.cargo_combo)

        self.channel_combo = QComboBox(ShiftReview)
        self.channel_combo.setObjectName(u"channel_combo")

        self.filter_layout.addWidget(self.channel_combo)

        self.status_combo = QComboBox(ShiftReview)
        self.status_combo.setObjectName(u"status_combo")

        self.filter_layout.addWidget(self.status_combo)

        self.officer_combo = QComboBox(ShiftReview)
        self.officer_combo.setObjectName(u"officer_combo")

        self.filter_layout.addWidget(self.officer_combo)

        self.papers_combo = QComboBox(ShiftReview)
        self.papers_combo.setObjectName(u"papers_combo")

        self.filter_layout.addWidget(self.papers_combo)

        self.filter_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filter_layout.addItem(self.filter_spacer)


        self.main_layout.addLayout(self.filter_layout)

        self.splitter = QSplitter(ShiftReview)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.table_view = QTableView(self.splitter)
        self.table_view.setObjectName(u"table_view")
        self.table_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setAlternatingRowColors(True)
        self.table_view.setWordWrap(False)
        self.splitter.addWidget(self.table_view)
        self.totals_panel = QWidget(self.splitter)
        self.totals_panel.setObjectName(u"totals_panel")
        self.totals_layout = QVBoxLayout(self.totals_panel)
        self.totals_layout.setObjectName(u"totals_layout")
        self.totals_layout.setContentsMargins(0, 0, 0, 0)
        self.count_label = QLabel(self.totals_panel)
        self.count_label.setObjectName(u"count_label")

        self.totals_layout.addWidget(self.count_label)

        self.totals_label = QLabel(self.totals_panel)
        self.totals_label.setObjectName(u"totals_label")
        self.totals_label.setWordWrap(True)
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.totals_layout.addWidget(self.totals_label)

        self.charts_layout = QVBoxLayout()
        self.charts_layout.setObjectName(u"charts_layout")

        self.totals_layout.addLayout(self.charts_layout)

        self.signoff_label = QLabel(self.totals_panel)
        self.signoff_label.setObjectName(u"signoff_label")
        self.signoff_label.setWordWrap(True)
        self.signoff_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.totals_layout.addWidget(self.signoff_label)

        self.splitter.addWidget(self.totals_panel)

        self.main_layout.addWidget(self.splitter)

        self.error_label = QLabel(ShiftReview)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.main_layout.addWidget(self.error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.open_button = QPushButton(ShiftReview)
        self.open_button.setObjectName(u"open_button")

        self.buttons_layout.addWidget(self.open_button)

        self.pdf_button = QPushButton(ShiftReview)
        self.pdf_button.setObjectName(u"pdf_button")

        self.buttons_layout.addWidget(self.pdf_button)

        self.csv_button = QPushButton(ShiftReview)
        self.csv_button.setObjectName(u"csv_button")

        self.buttons_layout.addWidget(self.csv_button)

        self.signoff_button = QPushButton(ShiftReview)
        self.signoff_button.setObjectName(u"signoff_button")

        self.buttons_layout.addWidget(self.signoff_button)

        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.close_button = QPushButton(ShiftReview)
        self.close_button.setObjectName(u"close_button")

        self.buttons_layout.addWidget(self.close_button)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.shift_label.setBuddy(self.shift_combo)
        self.search_label.setBuddy(self.search_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.date_edit, self.shift_combo)
        QWidget.setTabOrder(self.shift_combo, self.search_edit)
        QWidget.setTabOrder(self.search_edit, self.direction_combo)
        QWidget.setTabOrder(self.direction_combo, self.mode_combo)
        QWidget.setTabOrder(self.mode_combo, self.cargo_combo)
        QWidget.setTabOrder(self.cargo_combo, self.channel_combo)
        QWidget.setTabOrder(self.channel_combo, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.officer_combo)
        QWidget.setTabOrder(self.officer_combo, self.papers_combo)
        QWidget.setTabOrder(self.papers_combo, self.open_check)
        QWidget.setTabOrder(self.open_check, self.held_check)
        QWidget.setTabOrder(self.held_check, self.over_check)
        QWidget.setTabOrder(self.over_check, self.differs_check)
        QWidget.setTabOrder(self.differs_check, self.table_view)
        QWidget.setTabOrder(self.table_view, self.open_button)
        QWidget.setTabOrder(self.open_button, self.pdf_button)
        QWidget.setTabOrder(self.pdf_button, self.csv_button)
        QWidget.setTabOrder(self.csv_button, self.signoff_button)
        QWidget.setTabOrder(self.signoff_button, self.close_button)

        self.retranslateUi(ShiftReview)

        QMetaObject.connectSlotsByName(ShiftReview)
    # setupUi

    def retranslateUi(self, ShiftReview):
        ShiftReview.setWindowTitle(QCoreApplication.translate("ShiftReview", u"Shift review \u2014 Taftan Desk", None))
        self.date_label.setText(QCoreApplication.translate("ShiftReview", u"&Date", None))
#if QT_CONFIG(accessibility)
        self.date_edit.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Date of the shift", None))
#endif // QT_CONFIG(accessibility)
        self.date_edit.setDisplayFormat(QCoreApplication.translate("ShiftReview", u"yyyy-MM-dd", None))
        self.shift_label.setText(QCoreApplication.translate("ShiftReview", u"&Shift", None))
#if QT_CONFIG(accessibility)
        self.shift_combo.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Shift", None))
#endif // QT_CONFIG(accessibility)
        self.open_check.setText(QCoreApplication.translate("ShiftReview", u"Still &open", None))
        self.held_check.setText(QCoreApplication.translate("ShiftReview", u"On &hold", None))
        self.over_check.setText(QCoreApplication.translate("ShiftReview", u"Over the &limit", None))
        self.differs_check.setText(QCoreApplication.translate("ShiftReview", u"&Declared \u2260 measured", None))
#if QT_CONFIG(tooltip)
        self.differs_check.setToolTip(QCoreApplication.translate("ShiftReview", u"Measured net differs from the declared net by more than the station's R3 tolerance floor", None))
#endif // QT_CONFIG(tooltip)
        self.search_label.setText(QCoreApplication.translate("ShiftReview", u"Fi&nd", None))
#if QT_CONFIG(accessibility)
        self.search_edit.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Find a container, plate, wagon, GD, TIR or entry number", None))
#endif // QT_CONFIG(accessibility)
        self.search_edit.setPlaceholderText(QCoreApplication.translate("ShiftReview", u"container, plate, wagon, GD, TIR, entry", None))
#if QT_CONFIG(accessibility)
        self.direction_combo.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Direction", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.mode_combo.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Mode", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.cargo_combo.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Cargo", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.channel_combo.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Channel", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.status_combo.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Status", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.officer_combo.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Officer", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.papers_combo.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Printed documents", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.table_view.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Crossings of the shift", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.count_label.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Crossings shown", None))
#endif // QT_CONFIG(accessibility)
        self.count_label.setText("")
#if QT_CONFIG(accessibility)
        self.totals_label.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Totals of the shift", None))
#endif // QT_CONFIG(accessibility)
        self.totals_label.setText("")
#if QT_CONFIG(accessibility)
        self.signoff_label.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Sign-off", None))
#endif // QT_CONFIG(accessibility)
        self.signoff_label.setText("")
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("ShiftReview", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
        self.open_button.setText(QCoreApplication.translate("ShiftReview", u"Open the &record", None))
#if QT_CONFIG(tooltip)
        self.open_button.setToolTip(QCoreApplication.translate("ShiftReview", u"The whole record of the chosen crossing (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.pdf_button.setText(QCoreApplication.translate("ShiftReview", u"Daily report &PDF\u2026", None))
        self.csv_button.setText(QCoreApplication.translate("ShiftReview", u"&CSV\u2026", None))
        self.signoff_button.setText(QCoreApplication.translate("ShiftReview", u"Sign &off the shift\u2026", None))
        self.close_button.setText(QCoreApplication.translate("ShiftReview", u"Close", None))
    # retranslateUi

